package dev.partyline.server.room

import dev.partyline.server.store.Journal
import dev.partyline.server.store.JournalEntry
import dev.partyline.shared.game.Games
import dev.partyline.shared.game.replay.ReplayFile
import dev.partyline.shared.game.replay.Replayer
import dev.partyline.shared.protocol.CoreClientMessages
import dev.partyline.shared.protocol.WireCodec
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import kotlinx.coroutines.test.runTest
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject

/** The writer's queue as a room sees it: it takes entries while [open], and refuses them (full) while not. */
private class Queue : Journal {
    var open = true
    val taken = ArrayList<JournalEntry>()

    override fun offer(entry: JournalEntry): Boolean = open.also { if (it) taken += entry }
}

/**
 * A room's journal, on virtual time: its entries replay to the very game its members saw, and
 * while the writer's queue is full the room plays on and keeps its entries, in order, for later.
 */
class RoomJournalSpec : FunSpec({
    val codec = WireCodec(Games.all)

    fun replayOf(h: RoomHarness, queue: Queue): ReplayFile {
        queue.taken.first().shouldBeInstanceOf<JournalEntry.Begin>()
        val lines = queue.taken.filterIsInstance<JournalEntry.Line>()
        lines.map { it.seq } shouldBe lines.indices.toList()
        return ReplayFile(h.header, lines.map { it.line })
    }

    test("a room's journal replays to the game_over every member was sent, and the creator's carries the report") {
        runTest {
            val queue = Queue()
            val h = RoomHarness(this, Quiz.options(count = 2, revealSeconds = 1), journal = queue).started(listOf(ADA, BOB))
            h.answer(ADA, 0, 2)
            h.advance(3_000)
            h.answer(BOB, 0, 1)
            h.advance(1_000)
            h.detach(ADA)
            h.answer(BOB, 1, 2)
            h.advance(25_000)
            val replayed = Replayer(Games.all).run(replayOf(h, queue))
            for (player in listOf(BOB, HOST)) {
                val sent = h.of(player).all.last { it.type == "game_over" }
                val again = Json.parseToJsonElement(codec.encode(replayed.gameOver(player).shouldNotBeNull())).jsonObject
                again shouldBe JsonObject(sent - "seq" - "report")
            }
            val report = h.of(HOST).all.last { it.type == "game_over" }.str("report")
            report.substringBefore("?key=") shouldBe "/api/games/${(queue.taken.first() as JournalEntry.Begin).record.id}"
            report.substringAfter("?key=").length shouldBe 22
            h.of(BOB).all.last { it.type == "game_over" }.containsKey("report") shouldBe false
            queue.taken.last().shouldBeInstanceOf<JournalEntry.Finish>().players shouldBe 2
        }
    }

    test("while the writer's queue is full the room plays on, and hands over what it kept, in order, once there is room") {
        runTest {
            val queue = Queue()
            val h = RoomHarness(this, Quiz.options(count = 1, revealSeconds = 0), journal = queue).open()
            h.join(ADA)
            queue.taken.map { it::class.simpleName } shouldBe listOf("Begin", "Room", "Room", "Room") // the room opened, its host, ada
            queue.open = false
            h.send(HOST, CoreClientMessages.Start)
            h.answer(ADA, 0, 2)
            h.of(ADA).all.last { it.type == "game_over" } // the game ended without the writer
            queue.taken.size shouldBe 4
            queue.open = true
            h.send(HOST, CoreClientMessages.Chat("thanks"))
            queue.taken.drop(4).map { it::class.simpleName } shouldBe listOf("Start", "Line", "Line", "Finish")
            Replayer(Games.all).run(replayOf(h, queue)).gameOver(ADA).shouldNotBeNull()
        }
    }
})
