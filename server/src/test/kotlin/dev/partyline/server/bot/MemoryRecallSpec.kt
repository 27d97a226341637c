package dev.partyline.server.bot

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeIn
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.ints.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import kotlin.random.Random

class MemoryRecallSpec : FunSpec({
    // 4x4 board; the bot has seen an owl pair (2, 9) and two odd faces (0 fox, 5 cat).
    val seen = mapOf(0 to "fox", 5 to "cat", 2 to "owl", 9 to "owl")
    val sight = MemorySight(cards = 16, seen = seen, matched = setOf(14, 15))

    test("a perfect-recall bot flips a known pair, never a card it knows to be wrong") {
        repeat(200) { seed ->
            val perfect = MemoryRecall(1.0)
            val first = perfect.next(sight, Random(seed))
            first shouldBeIn listOf(2, 9)
            val second = perfect.next(sight.copy(up = listOf(first)), Random(seed))
            second shouldBe (if (first == 2) 9 else 2)
        }
    }

    test("a perfect-recall bot flips the mate of a first card when it remembers it") {
        repeat(100) { seed ->
            MemoryRecall(1.0).next(sight.copy(seen = seen + (7 to "cat"), up = listOf(7)), Random(seed)) shouldBe 5
        }
    }

    test("without a known pair a perfect-recall bot flips only cards it has never seen") {
        val noPair = sight.copy(seen = mapOf(0 to "fox", 5 to "cat"))
        repeat(200) { seed ->
            val card = MemoryRecall(1.0).next(noPair, Random(seed))
            card shouldNotBe 0
            card shouldNotBe 5
            card shouldBeIn noPair.open
        }
    }

    test("it never flips a matched card or one face up") {
        repeat(200) { seed ->
            val up = sight.copy(up = listOf(3))
            val card = MemoryRecall(Random(seed).nextDouble()).next(up, Random(seed))
            card shouldBeIn up.open
        }
    }

    test("a skill 0 bot forgets everything: it finds a known pair only by chance") {
        var pairs = 0
        repeat(1000) { seed -> if (MemoryRecall(0.0).next(sight, Random(seed)) in listOf(2, 9)) pairs++ }
        pairs shouldBeLessThan 300 // chance is 2 in 14 open cards, about 140
        pairs shouldBeGreaterThan 50
    }

    test("a half-skilled bot recalls a pair more often than chance and less than always") {
        var pairs = 0
        repeat(1000) { seed -> if (MemoryRecall(0.5).next(sight, Random(seed)) in listOf(2, 9)) pairs++ }
        pairs shouldBeGreaterThan 250 // both recalled a quarter of the time, plus chance
        pairs shouldBeLessThan 1000
    }

    test("the same seed makes the same choice") {
        val a = List(20) { MemoryRecall(0.5).next(sight, Random(42L + it)) }
        val b = List(20) { MemoryRecall(0.5).next(sight, Random(42L + it)) }
        a shouldBe b
    }
})
