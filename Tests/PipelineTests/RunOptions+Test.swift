import Foundation
import Pipeline

extension RunOptions {
  /// The options of a test run over `corpus`, publishing to `output` (the state in it) and
  /// archiving one copy of the reports; `full` recounts every figure.
  static func test(corpus: URL, output: URL, full: Bool = false) -> RunOptions {
    var options = RunOptions()
    options.corpus = corpus.path
    options.output = output.path
    options.full = full
    options.keep = 1
    return options
  }
}
