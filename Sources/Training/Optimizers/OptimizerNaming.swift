/// A type whose values name registered optimizers, such as GDAnimateKit's `OptimizerKind`: it gains a
/// static member for each optimizer (`.momentum`, `.rmsprop`), declared in that optimizer's own file, so
/// the names are written once, beside their optimizers.
public protocol OptimizerNaming {
    /// The value naming the registered optimizer `name`.
    init(registered name: String)
}
