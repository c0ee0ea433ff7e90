@_exported import IdentityVocabulary
