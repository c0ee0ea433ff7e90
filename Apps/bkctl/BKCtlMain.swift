// bkctl: the admin command line. Wiring only; the commands live in Modules/BKCtl.
import ArgumentParser
import BKCtl

@main
struct BKCtlMain: AsyncMainProtocol {
    typealias Command = BKCtl
}
