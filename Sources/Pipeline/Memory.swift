import Glibc

/// The process's memory between the steps of a run.
enum Memory {
  /// The process's resident memory now (`/proc/self/statm`), or 0 where it cannot be read.
  static var residentMegabytes: Int {
    guard let file = fopen("/proc/self/statm", "r") else { return 0 }
    defer { fclose(file) }
    var size = 0
    var resident = 0
    let read = withUnsafeMutablePointer(to: &size) { size in
      withUnsafeMutablePointer(to: &resident) { resident in
        withVaList([size, resident]) { vfscanf(file, "%ld %ld", $0) }
      }
    }
    guard read == 2 else { return 0 }
    return resident * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
  }
}
