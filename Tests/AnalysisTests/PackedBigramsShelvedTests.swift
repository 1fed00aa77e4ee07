import Analysis
import Synchronization
import Testing

/// Bigrams put on a shelf (``Analysis/PackedBigrams/shelved(on:pieceBytes:)``) go there a
/// piece at a time, never all at once, and read back as the blob's.
@Suite struct PackedBigramsShelvedTests {
  /// A shelf in memory that keeps the size of every piece put on it.
  final class PieceShelf: ByteShelf {
    let shelf = MemoryShelf<Never>()
    let pieces = Mutex<[Int]>([])

    func append(_ bytes: [UInt8]) -> Range<Int> {
      pieces.withLock { $0.append(bytes.count) }
      return shelf.append(bytes)
    }

    func read(_ range: Range<Int>) -> [UInt8] { shelf.read(range) }
  }

  @Test(arguments: [1, 2, 3] as [UInt64], [1, 5, 64, 1 << 20])
  func theBigramsGoOnTheShelfAPieceAtATime(seed: UInt64, pieceBytes: Int) throws {
    let whole = SortedTerms(TermBlob(PackedBigramsTests.terms(seed: seed)))
    let (_, bigrams) = PackedBigrams.unpacking(whole.blob)
    let shelf = PieceShelf()
    // After other bytes, as on a scratch file that holds more.
    _ = shelf.append(Array(repeating: 0xFF, count: 13))
    let shelved = bigrams.shelved(on: shelf, pieceBytes: pieceBytes)
    let pieces = shelf.pieces.withLock { Array($0.dropFirst()) }
    let total = pieces.reduce(0, +)
    // Every piece full but the last, which holds what is left.
    #expect(pieces.dropLast().allSatisfy { $0 == pieceBytes })
    #expect(pieces.count == (total + pieceBytes - 1) / pieceBytes)
    #expect(pieces.last! >= 1 && pieces.last! <= pieceBytes)
    // Each bigram takes four numbers of a byte or more.
    #expect(total >= 4 * whole.bigrams.count)
    #expect(shelved.count == whole.bigrams.count)
    var cursor = shelved.makeCursor(pieceBytes: 97)
    var read: [SortedTerms.Bigram] = []
    while let bigram = try cursor.next() { read.append(bigram) }
    #expect(read == whole.bigrams)
  }

  @Test func noBigramsPutNothingOnTheShelf() throws {
    let blob = SortedTerms(TermBlob([YearSlice.Term(n: 1, text: "a", count: 2, documents: 1)])).blob
    let shelf = PieceShelf()
    let shelved = PackedBigrams.unpacking(blob).bigrams.shelved(on: shelf, pieceBytes: 4)
    #expect(shelf.pieces.withLock { $0 } == [0])
    #expect(shelved.count == 0)
    var cursor = shelved.makeCursor()
    #expect(try cursor.next() == nil)
  }
}
