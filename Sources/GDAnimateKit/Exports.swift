// One import gives a program the whole library: the visual and its plan, and the types they are made
// of (data sets and training results, scenes, output formats and frame sinks).
@_exported import FrameEncoder
@_exported import Rasterizer
@_exported import Training
