// The document tree's blocks and inlines are read from cmark by the door; they are the document
// layer's values, so whoever uses this layer sees them without reaching for the door itself.
@_exported import CmarkDoor
