import Glibc
import Logging

/// Wall-clock readings for run records and report timestamps.
struct Clock {
  let seconds: Int
  let nanoseconds: Int

  /// Now.
  static func now() -> Clock {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Clock(seconds: Int(spec.tv_sec), nanoseconds: Int(spec.tv_nsec))
  }

  /// `YYYY-MM-DDTHH:MM:SSZ` in UTC.
  var timestamp: String {
    var time = time_t(seconds)
    var parts = tm()
    gmtime_r(&time, &parts)
    func pad(_ value: Int32, _ width: Int = 2) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))"
      + "T\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))Z"
  }

  /// Milliseconds from this reading until now.
  var elapsedMilliseconds: Int {
    let now = Clock.now()
    return (now.seconds - seconds) * 1000 + (now.nanoseconds - nanoseconds) / 1_000_000
  }
}

/// Logs how long each step of a run took and the memory in use after it, at `debug` level
/// (`--log-level debug`).
struct Laps {
  private var last = Clock.now()

  /// Logs the time since the previous lap (or since creation) under `step`.
  mutating func lap(_ step: String, _ log: Logger) {
    log.debug(
      "timing: \(step) \(last.elapsedMilliseconds) ms, resident \(Memory.residentMegabytes) MB, peak so far \(Memory.peakMegabytes) MB"
    )
    last = Clock.now()
  }
}
