// bkctl: the admin command line. Wiring only; the commands live in Modules/BKCtl.
import BKCtl

@main
extension BKCtl {}
