// What `import GDAnimateKit` gives a program besides the library's own types (Visual, Plan, Renderer,
// PlannedScene, the errors and warnings): the types a course tool is made of, one by one, and nothing
// of how they are made. The modules' helpers (NumberFormat, SceneText, the GIF
// encoder and its compressor, …) stay public in their own modules for the package's modules and tests,
// but are not re-exported here; a type added to a module is re-exported by adding its line below.

// Data and the model: points, presets, CSV files, the loss surface and its optimum.
@_exported import struct Training.Dataset
@_exported import enum Training.Preset
@_exported import enum Training.CSVData
@_exported import struct Training.DataSummary
@_exported import struct Training.LossSurface
@_exported import struct Training.LeastSquares
@_exported import protocol Training.Model
@_exported import struct Training.LinearRegression
@_exported import struct Training.Optimum
@_exported import struct Training.FeatureSummary
@_exported import struct Training.FeatureLeastSquares
@_exported import struct Training.FeatureScaling
@_exported import struct Training.SymmetricMatrix
// The overfitting lecture: penalties on the weights, their optima and paths, polynomial features.
@_exported import struct Training.Penalty
@_exported import struct Training.PenalizedRegression
@_exported import struct Training.LambdaPath
@_exported import struct Training.PolynomialFeatures
// What a model of one's own implements `Model` with: the order a stochastic update visits the points in,
// and the Hessian a model may give.
@_exported import struct Training.EpochOrder
@_exported import struct Training.Hessian

// Training: the descent, its settings and its results.
@_exported import enum Training.GradientDescent
@_exported import struct Training.TrainingConfig
@_exported import struct Training.TrainingResult
@_exported import struct Training.Snapshot
@_exported import enum Training.SnapshotInterval
@_exported import enum Training.LearningRateSchedule

// Optimizers: the registry, their settings, and the seam an optimizer of one's own implements.
@_exported import struct Training.Optimizer
@_exported import struct Training.OptimizerSettings
@_exported import protocol Training.OptimizerRule
@_exported import protocol Training.OptimizerNaming
@_exported import struct Training.StepContext
@_exported import struct Training.Arrows

// Scenes: what is drawn, from what, and how it looks.
@_exported import struct Rasterizer.SceneDrawing
@_exported import struct Rasterizer.SceneInput
@_exported import struct Rasterizer.LabelledRun
@_exported import struct Rasterizer.Theme
@_exported import struct Rasterizer.RGB
@_exported import enum Rasterizer.LossScale
@_exported import struct Rasterizer.SurfaceCamera
@_exported import struct Rasterizer.Frame
@_exported import enum Rasterizer.RenderError

// Formats and sinks: where the frames go, and the protocol a sink of one's own conforms to.
@_exported import struct FrameEncoder.OutputFormat
@_exported import struct FrameEncoder.AnimationTiming
@_exported import struct FrameEncoder.AnimationInfo
@_exported import struct FrameEncoder.FileMetadata
@_exported import protocol FrameEncoder.FrameSink
@_exported import protocol FrameEncoder.FrameWorker
@_exported import protocol FrameEncoder.ByteStream
@_exported import protocol FrameEncoder.FrameFolder
@_exported import class FrameEncoder.PassThroughWorker
@_exported import enum FrameEncoder.PreparedFrame
@_exported import struct FrameEncoder.SinkSummary
@_exported import class FrameEncoder.GIFSink
@_exported import class FrameEncoder.WebPSink
@_exported import class FrameEncoder.MP4Sink
@_exported import class FrameEncoder.PNGFramesSink
@_exported import class FrameEncoder.PosterSink
@_exported import class FrameEncoder.HTMLSink
@_exported import enum FrameEncoder.EncodeError
