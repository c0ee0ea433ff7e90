@_exported import IdentityVocabulary
@_exported import struct BKServiceKit.CalendarDate
