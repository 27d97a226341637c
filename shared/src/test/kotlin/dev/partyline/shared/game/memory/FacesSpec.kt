package dev.partyline.shared.game.memory

import dev.partyline.shared.game.ADA
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.T0
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeUnique
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.ints.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldMatch

/** The faces of the cards, and how a seed deals them: each face twice, the same board for the same seed. */
class FacesSpec : FunSpec({
    test("there are at least 32 distinct faces, short lowercase names a client can draw") {
        Faces.all.size shouldBeGreaterThanOrEqual 32
        Faces.all.shouldBeUnique()
        Faces.all.forEach { it shouldMatch Regex("[a-z]{2,12}") }
    }

    test("a deal holds each of its faces exactly twice") {
        for (pairs in listOf(1, 2, 8, 32)) {
            val deck = Faces.deal(pairs, SEED)
            deck.size shouldBe pairs * 2
            deck.groupingBy { it }.eachCount().values.toSet() shouldBe setOf(2)
            deck.toSet().size shouldBe pairs
            Faces.all shouldContainAll deck
        }
    }

    test("the same seed deals the same board, other seeds deal others") {
        Faces.deal(8, SEED) shouldBe Faces.deal(8, SEED)
        (1L..20L).map { Faces.deal(8, it) }.toSet().size shouldBeGreaterThan 15
    }

    test("the faces differ from game to game, not only their places") {
        (1L..20L).map { Faces.deal(4, it).toSet() }.toSet().size shouldBeGreaterThan 15
    }

    test("the seed option deals the board a player then turns over") {
        // Solo with misses hidden at once: flipping 0,1 then 2,3 ... turns over every card once.
        val r = MemoryRun.start(MemoryFixtures.game(rows = 4, cols = 4, seed = 7, missMillis = 0), listOf(ADA))
        val seen = (0 until 16).associateWith { card ->
            r.next(GameInput.Move(ADA, FlipCard(card), T0), T0).only<Flipped>().face
        }
        seen.values.toList() shouldBe Faces.deal(8, 7)
    }
})
