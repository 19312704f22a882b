import Testing

extension Refusal {
    /// A model of several features (`--x-column a,b,c`, the preset `correlated`) refused where a scene or
    /// an option is one feature's, or where the features cannot be fitted. Each message is the whole line
    /// the command printed before the library spoke its own words (issue 23, item 4), so the words stay.
    static let features: [Refusal] = [
        // The contour draws two features (the loss over w1 and w2); the steps of one update draw one.
        Refusal("two features in the steps of one", ["--dataset", "correlated", "--mode", "steps"], exit: 64,
                ["Error: --mode steps draws the line ŷ = m·x + b of one feature, but the data has 2 features (θ = w1, w2, b); --mode line, --mode loss, --mode contour, --mode penalty show their descent\nUsage: gdanimate <options>"]),
        // --mode all of two features draws line, loss and contour (WorkingInputTests); a scene named is refused.
        Refusal("two features on bsweep", ["--dataset", "correlated", "--mode", "bsweep"], exit: 64,
                ["Error: --mode bsweep draws the line ŷ = m·x + b of one feature, but the data has 2 features (θ = w1, w2, b); --mode line, --mode loss, --mode contour, --mode penalty show their descent\nUsage: gdanimate <options>"]),
        Refusal("--axes with the intercept", ["--dataset", "correlated", "--axes", "w1,b"], exit: 64,
                ["Error: --axes must be two different weights of w1, w2 (got w1,b)\nUsage: gdanimate <options>"]),
        Refusal("--axes naming one weight twice", ["--dataset", "correlated", "--axes", "w2,w2"], exit: 64,
                ["Error: --axes must be two different weights of w1, w2 (got w2,w2)\nUsage: gdanimate <options>"]),
        Refusal("--axes of a weight the model lacks", ["--dataset", "correlated", "--axes", "w1,w3"], exit: 64,
                ["Error: --axes must be two different weights of w1, w2 (got w1,w3)\nUsage: gdanimate <options>"]),
        Refusal("--axes of weights on one feature", ["--axes", "w1,w2"], exit: 64,
                ["Error: --axes must be m,b, the only pair of one feature (got w1,w2)\nUsage: gdanimate <options>"]),
        // Penalties (issue 25): a strength or ratio without its penalty, out of range, or on a scene of the unpenalised bowl.
        Refusal("--lambda without --penalty", ["--lambda", "0.3"], exit: 64,
                ["Error: --lambda 0.3 sets the strength of a penalty; give --penalty l2, l1 or elastic too\nUsage: gdanimate <options>"]),
        Refusal("--l1-ratio with lasso", ["--penalty", "l1", "--l1-ratio", "0.3", "--mode", "loss"], exit: 64,
                ["Error: --l1-ratio belongs to --penalty elastic; --penalty l1 has r = 1\nUsage: gdanimate <options>"]),
        Refusal("--l1-ratio without a penalty", ["--l1-ratio", "0.3"], exit: 64,
                ["Error: --l1-ratio belongs to the elastic net; give --penalty elastic too\nUsage: gdanimate <options>"]),
        Refusal("a negative λ", ["--penalty", "elastic", "--lambda", "-1", "--mode", "loss"], exit: 64,
                ["Error: --lambda must be a finite number of at least 0 (got -1)\nUsage: gdanimate <options>"]),
        Refusal("λ not a number", ["--penalty", "l2", "--lambda", "nan", "--mode", "loss"], exit: 64,
                ["Error: --lambda must be a finite number of at least 0 (got nan)\nUsage: gdanimate <options>"]),
        Refusal("an r above 1", ["--penalty", "elastic", "--l1-ratio", "1.5", "--mode", "loss"], exit: 64,
                ["Error: --l1-ratio must be from 0 (ridge) to 1 (lasso) (got 1.5)\nUsage: gdanimate <options>"]),
        Refusal("a penalty on the contour", ["--penalty", "l2"], exit: 64,
                ["Error: --mode contour draws the unpenalised loss, the mean squared error alone, and --penalty adds a penalty to it; --mode line, --mode loss, --mode penalty show a penalised descent\nUsage: gdanimate <options>"]),
        Refusal("the penalty scene without a penalty", ["--mode", "penalty", "--dataset", "correlated"], exit: 64,
                ["Error: --mode penalty draws a penalty's level set on the loss contours: give --penalty l1, l2 or elastic (and --lambda, default 0.1)\nUsage: gdanimate <options>"]),
        Refusal("the penalty scene of one feature", ["--mode", "penalty", "--penalty", "l1"], exit: 64,
                ["Error: --mode penalty draws the penalty over two weights, but the data has 1 feature (θ = m, b); give two: --dataset correlated, two columns in --x-column, or --degree 2\nUsage: gdanimate <options>"]),
        Refusal("the penalty scene of three weights", ["--mode", "penalty", "--penalty", "l2", "--degree", "3"], exit: 64,
                ["Error: --mode penalty draws the penalty over two weights, but the data has 3 features (θ = w1, w2, w3, b); give two: --dataset correlated, two columns in --x-column, or --degree 2\nUsage: gdanimate <options>"]),
        Refusal("lasso with momentum", ["--penalty", "l1", "--optimizer", "momentum", "--mode", "loss"], exit: 64,
                ["Error: --penalty l1 takes a proximal step after each update (soft-thresholding, ISTA), which lands on the penalised optimum only for plain descent; --optimizer momentum rescales or carries its steps and would settle elsewhere: use --optimizer batch, sgd or minibatch (--penalty l2 works with every optimizer)\nUsage: gdanimate <options>"]),
        // Polynomial features and a validation split (issue 25).
        Refusal("degree 0", ["--degree", "0", "--mode", "line"], exit: 64, ["Error: --degree must be from 1 to 20 (got 0)\nUsage: gdanimate <options>"]),
        Refusal("degree 21", ["--degree", "21", "--mode", "line"], exit: 64, ["Error: --degree must be from 1 to 20 (got 21)\nUsage: gdanimate <options>"]),
        Refusal("a degree of two features", ["--dataset", "correlated", "--degree", "3", "--mode", "line"], exit: 64,
                ["Error: --degree makes the powers of one input x, but the data has 2 features (θ = w1, w2, b)\nUsage: gdanimate <options>"]),
        Refusal("a validation fraction of 1.5", ["--validation", "1.5", "--mode", "loss"], exit: 64,
                ["Error: --validation must be a fraction above 0 and below 1 (got 1.5)\nUsage: gdanimate <options>"]),
        Refusal("a validation leaving one point", ["--data", "@/f.csv", "--x-column", "a", "--validation", "0.9", "--mode", "loss"], files: ["f.csv": twoFeatures], exit: 64,
                ["Error: --validation must be a fraction that leaves at least 2 points on each side (got 0.9): the split leaves 0 training and 5 validation points"]),
        Refusal("a misspelt penalty", ["--penalty", "l3"], exit: 64, ["Error: The value 'l3' is invalid for '--penalty <l2|l1|elastic>'"]),
        Refusal("--fixed-m with two features", ["--dataset", "correlated", "--mode", "loss", "--fixed-m", "1"], exit: 64,
                ["Error: --fixed-m holds the slope m of one feature, but the data has 2 features (θ = w1, w2, b)\nUsage: gdanimate <options>"]),
        Refusal("an empty name in --x-column", ["--data", "@/f.csv", "--x-column", "a,,b"], files: ["f.csv": twoFeatures], exit: 64,
                ["Error: --x-column 'a,,b' has an empty column name; give names or numbers separated by single commas\nUsage: gdanimate <options>"]),
        // The default scene (contour) draws two features, so the file is read and the column found twice.
        Refusal("a feature twice, on the contour", ["--data", "@/f.csv", "--x-column", "a,a"], files: ["f.csv": twoFeatures], exit: 1,
                ["/f.csv: --x-column names column 1 twice (features 1 and 2); give each feature once\n"]),
        Refusal("a feature twice", ["--data", "@/f.csv", "--x-column", "a,a", "--mode", "loss"], files: ["f.csv": twoFeatures], exit: 1,
                ["/f.csv: --x-column names column 1 twice (features 1 and 2); give each feature once\n"]),
        Refusal("a feature that is the target", ["--data", "@/f.csv", "--x-column", "a,y", "--mode", "loss"], files: ["f.csv": twoFeatures], exit: 1,
                ["/f.csv: --x-column 'y' is also the y column; a feature cannot be the target it predicts\n"]),
        Refusal("a constant feature", ["--data", "@/c.csv", "--x-column", "a,c", "--mode", "loss"], files: ["c.csv": constantFeature], exit: 1,
                ["/c.csv: every value of feature 'c' is 7.0: a feature with no spread has no weight to fit; leave it out\n"]),
        Refusal("a constant feature standardized", ["--data", "@/c.csv", "--x-column", "a,c", "--mode", "loss", "--standardize"], files: ["c.csv": constantFeature], exit: 1,
                ["/c.csv: --standardize needs every feature to vary, and one does not\n"]),
    ]

    /// Two features and a target.
    static let twoFeatures: FileContent = "a,b,y\n1,2,3\n2,1,5\n3,5,6\n4,3,9\n5,4,10\n"
    /// A second feature that holds 7 on every row.
    static let constantFeature: FileContent = "a,c,y\n1,7,3\n2,7,5\n3,7,6\n4,7,9\n"
}
