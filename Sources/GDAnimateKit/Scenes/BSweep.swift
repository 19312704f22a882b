import Rasterizer

extension SceneKind {
    /// J(b) at a fixed m, with the b-only optimizer's steps and the tangent at the current b.
    public static let bsweep = SceneKind(.bsweep)
}

extension SceneDefinition {
    /// `bsweep`: descent on b alone, m held, on the curve J(b).
    static let bsweep = SceneDefinition(.bsweep, summary: "J(b) at fixed m", isSingleRun: true, baseRuns: { _ in .bOnly },
                                        prepare: { setup in setup.input.result = setup.bOnly! }) { scene in
        let r = scene.input.result
        return PlannedScene.bSweep(r, data: PlannedScene.points(scene.input.data)) + " " + RunStory(r).told()
    }
}
