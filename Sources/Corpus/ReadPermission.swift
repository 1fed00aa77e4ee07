#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether this process may read a file, told from the owner, group and mode that a scan's
/// `stat` already gives, without opening it.
///
/// A nightly run reads only files whose size or time changed, so a file made unreadable
/// (`chmod 000`, or given to another owner) with neither changing would stay counted from what
/// it held before, while a full run rejects it. The scan rejects such a file itself, with the
/// reason a read would give, and its year is recounted without it. The classic permission bits
/// are checked as the kernel checks them (the owner's bits for the owner, the group's for a
/// member, the others' otherwise; root reads anything). A file they deny is then asked of the
/// kernel (`faccessat`, one call for such a file alone), since an access control list may
/// grant it; a file that the bits allow and a list denies is still rejected, when it is read.
struct ReadPermission: Sendable {
  /// The effective user id.
  let user: uid_t
  /// The effective group id and the supplementary groups.
  let groups: Set<gid_t>

  /// The permission of this process.
  static func ofThisProcess() -> ReadPermission {
    var groups: Set<gid_t> = [getegid()]
    let count = getgroups(0, nil)
    if count > 0 {
      var list = [gid_t](repeating: 0, count: Int(count))
      let found = getgroups(count, &list)
      if found > 0 { groups.formUnion(list.prefix(Int(found))) }
    }
    return ReadPermission(user: geteuid(), groups: groups)
  }

  /// Whether a file with the owner, group and mode of `info` may be read.
  func allows(_ info: stat) -> Bool {
    if user == 0 { return true }
    let mode = info.st_mode
    if info.st_uid == user { return mode & S_IRUSR != 0 }
    if groups.contains(info.st_gid) { return mode & S_IRGRP != 0 }
    return mode & S_IROTH != 0
  }
}
