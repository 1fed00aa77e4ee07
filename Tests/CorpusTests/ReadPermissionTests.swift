import Testing

@testable import Corpus

#if canImport(Glibc)
  import Glibc
#endif

/// The permission bits as the kernel reads them: the owner's for the owner (even when they
/// deny and the others' allow), the group's for a member, the others' otherwise; root reads all.
@Suite struct ReadPermissionTests {
  let process = ReadPermission(user: 1000, groups: [100, 200])

  func file(owner: uid_t, group: gid_t, mode: mode_t) -> stat {
    var info = stat()
    info.st_uid = owner
    info.st_gid = group
    info.st_mode = S_IFREG | mode
    return info
  }

  @Test func theOwnersBitsDecideForTheOwner() {
    #expect(process.allows(file(owner: 1000, group: 300, mode: 0o400)))
    #expect(!process.allows(file(owner: 1000, group: 100, mode: 0o044)))
  }

  @Test func theGroupsBitsDecideForAMember() {
    #expect(process.allows(file(owner: 1, group: 200, mode: 0o040)))
    #expect(!process.allows(file(owner: 1, group: 100, mode: 0o404)))
  }

  @Test func theOthersBitsDecideForTheRest() {
    #expect(process.allows(file(owner: 1, group: 300, mode: 0o004)))
    #expect(!process.allows(file(owner: 1, group: 300, mode: 0o440)))
  }

  @Test func rootReadsAnything() {
    #expect(ReadPermission(user: 0, groups: [0]).allows(file(owner: 1, group: 1, mode: 0)))
  }

  @Test func thisProcessIsWhoItRunsAs() {
    let permission = ReadPermission.ofThisProcess()
    #expect(permission.user == geteuid() && permission.groups.contains(getegid()))
  }
}
