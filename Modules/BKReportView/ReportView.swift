import BKCharts
import BKProto
