@_exported import TextNormalization
