import ArgumentParser
import Corpus
import Pipeline
import Rendering

/// `almanac validate`: check report files against the Almanac schema.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Validate XML reports against the Almanac schema (XSD).",
    discussion: """
      The files are parsed without network access, DTD loading or entity expansion. Exit \
      status 0 when every file is valid, 1 otherwise.
      """)

  @Argument(help: ArgumentHelp("Report files to check.", valueName: "file"))
  var files: [String] = ["Reports/almanac.xml"]

  func run() throws {
    var failures = 0
    for path in files {
      do {
        let bytes = try FileReader.read(path)
        try ReportSchema.validate(bytes: bytes, name: path)
      } catch let error as Rejection {
        Diagnostics.print("almanac: \(path): \(error)")
        failures += 1
      } catch {
        Diagnostics.print("almanac: \(error)")
        failures += 1
      }
    }
    if failures > 0 { throw ExitStatus.failed }
  }
}
