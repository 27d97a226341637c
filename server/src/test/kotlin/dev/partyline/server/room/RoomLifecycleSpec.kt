package dev.partyline.server.room

import dev.partyline.server.room.RoomHarness.Companion.playerEntry
import dev.partyline.server.room.RoomHarness.Companion.players
import dev.partyline.server.room.RoomHarness.Companion.shouldBeError
import dev.partyline.shared.protocol.CoreClientMessages as C
import dev.partyline.shared.protocol.Goodbye
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Role
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.test.runTest
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.boolean
import kotlinx.serialization.json.jsonPrimitive

/** Who is in a room: joining, leaving, kicks, the grace period of a dropped member, closing. */
class RoomLifecycleSpec : FunSpec({
    test("the creator gets a room snapshot with the role host") {
        runTest {
            val h = RoomHarness(this).open()
            val snapshot = h.of(HOST).all.single()
            snapshot.type shouldBe "room"
            snapshot.str("code") shouldBe RoomHarness.CODE.value
            snapshot.str("game") shouldBe "quiz"
            snapshot.str("state") shouldBe "lobby"
            snapshot.str("host") shouldBe HOST.value
            snapshot.obj("you").str("player") shouldBe HOST.value
            snapshot.obj("you").str("role") shouldBe "host"
            snapshot.playerEntry(HOST).str("role") shouldBe "host"
            snapshot.playerEntry(HOST).getValue("connected").jsonPrimitive.boolean shouldBe true
            snapshot["question"] shouldBe JsonNull
            snapshot.getValue("answered").jsonPrimitive.boolean shouldBe false
            snapshot.obj("options").num("maxPlayers") shouldBe 50
            h.room.summary.value.players shouldBe 0 // a quiz host who does not play is not counted
        }
    }

    test("a joiner gets a snapshot naming every member and the others get player_joined") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(ADA)
            h.settle()
            h.join(BOB, re = JsonPrimitive("j1")) shouldBe true

            val snapshot = h.of(BOB).fresh().single()
            snapshot.type shouldBe "room"
            snapshot["re"] shouldBe JsonPrimitive("j1")
            snapshot.obj("you").str("role") shouldBe "player"
            snapshot.players().map { it.str("player") } shouldContainExactly listOf(HOST.value, ADA.value, BOB.value)
            for (other in listOf(HOST, ADA)) {
                val joined = h.of(other).fresh().single()
                joined.type shouldBe "player_joined"
                joined.str("player") shouldBe BOB.value
                joined.str("name") shouldBe "bob"
                joined.str("role") shouldBe "player"
                joined.num("score") shouldBe 0
                joined.containsKey("re") shouldBe false
            }
            h.room.summary.value.players shouldBe 2
        }
    }

    test("a spectator joins with its role and does not count as a player") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(CY, role = Role.SPECTATOR) shouldBe true
            h.of(CY).all.single().obj("you").str("role") shouldBe "spectator"
            h.of(HOST).all.one("player_joined").str("role") shouldBe "spectator"
            h.room.summary.value.players shouldBe 0
        }
    }

    test("a player beyond maxPlayers is refused with room_full; a host who does not play and spectators do not count") {
        runTest {
            val h = RoomHarness(this, settings = RoomSettings(public = false, maxPlayers = 2, bots = true)).open()
            h.join(ADA) shouldBe true
            h.join(BOB) shouldBe true
            h.settle()
            h.join(CY, re = JsonPrimitive("full")) shouldBe false
            h.of(CY).fresh().single().shouldBeError("room_full", JsonPrimitive("full"))
            h.of(HOST).fresh().shouldBeEmpty()
            h.join(CY, role = Role.SPECTATOR) shouldBe true
            h.room.summary.value.players shouldBe 2
        }
    }

    test("a bot is refused with bots_not_allowed when the room does not admit bots") {
        runTest {
            val h = RoomHarness(this, settings = RoomSettings(public = false, maxPlayers = 50, bots = false)).open()
            h.join(ADA, re = JsonPrimitive(1), bot = true) shouldBe false
            h.of(ADA).all.single().shouldBeError("bots_not_allowed", JsonPrimitive(1))
            h.join(BOB) shouldBe true
        }
    }

    test("a leaving player gets left with its re and the others get player_left") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(ADA)
            h.join(BOB)
            h.settle()
            h.leave(BOB, JsonPrimitive("bye")) shouldBe true
            h.of(BOB).fresh().single().let { it.type shouldBe "left"; it["re"] shouldBe JsonPrimitive("bye") }
            for (other in listOf(HOST, ADA)) {
                val left = h.of(other).fresh().single()
                left.type shouldBe "player_left"
                left.str("player") shouldBe BOB.value
                left.str("reason") shouldBe "left"
            }
            h.leave(BOB) shouldBe false
            h.room.summary.value.players shouldBe 1
        }
    }

    test("when the host leaves, host_changed names the next player") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(CY, role = Role.SPECTATOR)
            h.join(ADA)
            h.join(BOB)
            h.settle()
            h.leave(HOST) shouldBe true
            for (member in listOf(ADA, BOB, CY)) {
                h.of(member).fresh().types() shouldContainExactly listOf("player_left", "host_changed")
                h.of(member).all.last().str("host") shouldBe ADA.value
            }
            h.send(ADA, C.Start)
            h.of(BOB).fresh().one("question").num("index") shouldBe 0
        }
    }

    test("a snapshot says whether you play; a player promoted to host in a running quiz keeps playing") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(ADA)
            h.join(CY, role = Role.SPECTATOR)
            fun plays(member: PlayerId) = h.of(member).all.last { it.type == "room" }.obj("you").str("plays")
            plays(HOST) shouldBe "false"
            plays(ADA) shouldBe "true"
            plays(CY) shouldBe "false"
            h.send(HOST, C.Start)
            h.leave(HOST) shouldBe true
            h.detach(ADA)
            h.room.reattach(ADA, h.connect(ADA)) shouldBe true
            h.of(ADA).all.last { it.type == "room" }.obj("you").str("role") shouldBe "host"
            plays(ADA) shouldBe "true"
        }
    }

    test("a kick sends goodbye kicked to the target and player_left to the others") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(ADA)
            h.join(BOB)
            h.settle()
            val kicked = h.of(BOB)
            h.send(HOST, C.Kick(BOB.value))
            kicked.goodbye?.reason shouldBe Goodbye.KICKED
            kicked.fresh().shouldBeEmpty()
            for (other in listOf(HOST, ADA)) {
                val left = h.of(other).fresh().single()
                left.type shouldBe "player_left"
                left.str("player") shouldBe BOB.value
                left.str("reason") shouldBe "kicked"
            }
            h.room.summary.value.players shouldBe 1
        }
    }

    test("a kicked player who joins again is refused with banned") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(BOB)
            h.send(HOST, C.Kick(BOB.value))
            h.settle()
            h.join(BOB, re = JsonPrimitive("back")) shouldBe false
            h.of(BOB).fresh().single().shouldBeError("banned", JsonPrimitive("back"))
            h.of(HOST).fresh().shouldBeEmpty()
        }
    }

    test("a detached member is shown disconnected and removed with player_left timeout after the grace period") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(ADA)
            h.join(BOB)
            h.settle()
            h.detach(ADA)
            for (other in listOf(HOST, BOB)) {
                val status = h.of(other).fresh().single()
                status.type shouldBe "player_status"
                status.str("player") shouldBe ADA.value
                status.getValue("connected").jsonPrimitive.boolean shouldBe false
            }
            h.join(CY)
            h.of(CY).fresh().single().playerEntry(ADA).getValue("connected").jsonPrimitive.boolean shouldBe false
            h.settle()

            h.advance(h.config.graceMillis - 1)
            h.of(HOST).fresh().shouldBeEmpty()
            h.advance(1)
            for (other in listOf(HOST, BOB, CY)) {
                val left = h.of(other).fresh().single()
                left.type shouldBe "player_left"
                left.str("player") shouldBe ADA.value
                left.str("reason") shouldBe "timeout"
            }
            h.room.reattach(ADA, h.connect(ADA)) shouldBe false
        }
    }

    test("a member reattached within the grace period keeps its seat and gets a fresh snapshot") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(ADA)
            h.settle()
            val old = h.of(ADA)
            h.detach(ADA)
            h.advance(h.config.graceMillis - 1)
            h.settle()

            h.room.reattach(ADA, h.connect(ADA)) shouldBe true
            val snapshot = h.of(ADA).fresh().one("room")
            snapshot.obj("you").str("player") shouldBe ADA.value
            snapshot.playerEntry(ADA).getValue("connected").jsonPrimitive.boolean shouldBe true
            h.of(HOST).fresh().single().let {
                it.type shouldBe "player_status"
                it.getValue("connected").jsonPrimitive.boolean shouldBe true
            }

            h.room.detach(ADA, old) // the old connection's late disconnect changes nothing
            h.advance(10 * h.config.graceMillis)
            h.of(HOST).fresh().shouldBeEmpty()
            h.room.summary.value.players shouldBe 1
        }
    }

    test("a reattach of a connection replaced already, arriving after its replacement's, leaves the seat on the replacement") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(ADA)
            h.detach(ADA)
            val replaced = h.connect(ADA)
            replaced.close(Goodbye(Goodbye.REPLACED, "resumed elsewhere"))
            val kept = h.connect(ADA)
            h.settle()

            h.room.reattach(ADA, kept) shouldBe true
            h.room.reattach(ADA, replaced) shouldBe true
            h.room.detach(ADA, replaced)
            h.advance(0)
            replaced.fresh().shouldBeEmpty()
            kept.fresh().one("room").playerEntry(ADA).getValue("connected").jsonPrimitive.boolean shouldBe true
            h.of(HOST).fresh().single().getValue("connected").jsonPrimitive.boolean shouldBe true
            h.send(HOST, C.Chat("still there?"))
            kept.fresh().one("chat")
        }
    }

    test("after the last member leaves, the room closes and onClosed is called") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(ADA)
            h.leave(ADA) shouldBe true
            h.closedCalls shouldBe 0
            h.leave(HOST) shouldBe true
            h.closedCalls shouldBe 1
            h.join(BOB) shouldBe false
            h.of(BOB).all.shouldBeEmpty()
            h.closedCalls shouldBe 1
        }
    }

    test("a room whose last member times out after the grace period closes too") {
        runTest {
            val h = RoomHarness(this).open()
            h.detach(HOST)
            h.advance(h.config.graceMillis)
            h.closedCalls shouldBe 1
            h.of(HOST).goodbye.shouldBeNull()
        }
    }
})
