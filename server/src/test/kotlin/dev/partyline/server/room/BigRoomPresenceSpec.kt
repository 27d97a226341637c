package dev.partyline.server.room

import dev.partyline.server.room.RoomHarness.Companion.players
import dev.partyline.shared.protocol.Crowd
import dev.partyline.shared.protocol.CoreClientMessages as C
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Role
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.ints.shouldBeLessThan
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import kotlinx.serialization.json.JsonObject
import kotlin.random.Random
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonPrimitive

/**
 * A room past [Crowd.BIG_AFTER] members tells its comings and goings as a few `presence` a second
 * and names only a few members in its snapshots, so a join costs the room a constant, not one
 * message per member; a small room tells each one at once, as it always has. Virtual time.
 */
class BigRoomPresenceSpec : FunSpec({
    val crowd = List(130) { PlayerId("p_fan$it") }

    /** A quiz room (its host does not play) with [count] of the crowd joined. */
    suspend fun TestScope.roomWith(count: Int): RoomHarness {
        val h = RoomHarness(this, settings = RoomSettings(public = false, maxPlayers = 1_000, bots = true)).open()
        crowd.take(count).forEach { h.join(it) shouldBe true }
        return h
    }

    fun JsonObject.crowdOf(): Crowd = obj("crowd").let { Crowd(it.num("players").toInt(), it.num("spectators").toInt(), it.num("connected").toInt()) }
    fun JsonObject.ids(key: String): List<String> = getValue(key).jsonArray.map { (it as? JsonObject)?.str("player") ?: it.jsonPrimitive.content }

    test("up to 100 members each arrival reaches everyone at once, and snapshots list everyone") {
        runTest {
            val h = roomWith(Crowd.BIG_AFTER - 1) // and the host: 100 members
            h.of(HOST).all.ofType("player_joined").size shouldBe Crowd.BIG_AFTER - 1
            val last = h.of(crowd[Crowd.BIG_AFTER - 2]).all.one("room")
            last.players().size shouldBe Crowd.BIG_AFTER
            last.containsKey("crowd") shouldBe false
        }
    }

    test("the 101st member makes the room big: its snapshot names the host, you and the first ten, and counts the rest") {
        runTest {
            val h = roomWith(Crowd.BIG_AFTER - 1)
            h.join(CY, role = Role.SPECTATOR)
            val snapshot = h.of(CY).all.one("room")
            snapshot.ids("players") shouldContainExactly listOf(HOST.value, CY.value) + crowd.take(Crowd.SHOWN).map { it.value }
            snapshot.crowdOf() shouldBe Crowd(players = Crowd.BIG_AFTER - 1, spectators = 1, connected = Crowd.BIG_AFTER - 1)
            h.of(HOST).fresh().ofType("player_joined").size shouldBe Crowd.BIG_AFTER - 1 // the spectator's arrival comes in a presence
        }
    }

    test("a big room's comings and goings reach everyone as one presence a quarter second: the counts, the latest five joined, the latest left") {
        runTest {
            val h = roomWith(Crowd.BIG_AFTER + 1)
            h.advance(Crowd.SUMMARY_INTERVAL_MS)
            h.settle()
            crowd.subList(Crowd.BIG_AFTER + 1, Crowd.BIG_AFTER + 9).forEach { h.join(it) }
            h.leave(crowd[3])
            h.leave(crowd[Crowd.BIG_AFTER + 8]) // came and went within the same quarter second
            h.detach(crowd[4])
            h.advance(Crowd.SUMMARY_INTERVAL_MS - 1)
            h.of(crowd[0]).fresh().shouldBeEmpty()

            h.advance(1)
            val got = h.of(crowd[0]).fresh()
            got.types() shouldContainExactly listOf("presence")
            val presence = got.single()
            // the latest five, less the one who left again
            presence.ids("joined") shouldContainExactly crowd.subList(Crowd.BIG_AFTER + 4, Crowd.BIG_AFTER + 8).map { it.value }
            presence.ids("left") shouldContainExactly listOf(crowd[3].value)
            presence.crowdOf() shouldBe Crowd(players = Crowd.BIG_AFTER + 7, spectators = 0, connected = Crowd.BIG_AFTER + 6)
            h.of(HOST).fresh().single() shouldBe presence // one encoding for everyone, under one number

            h.advance(10 * Crowd.SUMMARY_INTERVAL_MS)
            h.of(crowd[0]).fresh().shouldBeEmpty() // nothing new, nothing sent
        }
    }

    test("a room that was big stays big when members leave, so every member's picture stays a count") {
        runTest {
            val h = roomWith(Crowd.BIG_AFTER + 1)
            crowd.take(50).forEach { h.leave(it) }
            h.advance(Crowd.SUMMARY_INTERVAL_MS)
            val last = h.of(crowd[60]).fresh()
            last.ofType("player_left").shouldBeEmpty()
            last.last().crowdOf().players shouldBe Crowd.BIG_AFTER + 1 - 50
            h.join(BOB)
            h.of(BOB).all.one("room").crowdOf().players shouldBe Crowd.BIG_AFTER + 2 - 50
        }
    }

    test("once a big room plays, a snapshot names the top scorers, highest first, with you among them or beside them") {
        runTest {
            val h = roomWith(Crowd.BIG_AFTER + 10)
            h.send(HOST, C.Start)
            val scorers = crowd.take(15)
            scorers.forEachIndexed { i, player ->
                h.advance(100)
                h.answer(player, 0, choice = 2) // right, and the earlier the more points
                withClue(i) { h.of(player).fresh().ofType("error").shouldBeEmpty() }
            }
            h.advance(20_000) // the deadline: reveal
            h.detach(crowd[105])
            h.room.reattach(crowd[105], h.connect(crowd[105])) shouldBe true
            testScheduler.runCurrent()
            val snapshot = h.of(crowd[105]).all.one("room")
            snapshot.ids("players") shouldContainExactly listOf(HOST.value, crowd[105].value) + scorers.take(Crowd.SHOWN).map { it.value }
            snapshot.players().drop(2).map { it.num("score") } shouldBe snapshot.players().drop(2).map { it.num("score") }.sortedDescending()
        }
    }

    test("the counts stay whole through a seeded run of joins, spectators, leaves, drops, resumes and a new host") {
        runTest {
            val h = roomWith(Crowd.BIG_AFTER + 1)
            val random = Random(17)
            val playing = crowd.take(Crowd.BIG_AFTER + 1).toMutableSet()
            val watching = mutableSetOf<PlayerId>()
            val away = mutableSetOf<PlayerId>()
            var next = 0
            repeat(300) {
                val member = (playing + watching).randomOrNull(random)
                when (random.nextInt(5)) {
                    0 -> PlayerId("p_new${next++}").also { h.join(it) shouldBe true; playing += it }
                    1 -> PlayerId("p_eye${next++}").also { h.join(it, role = Role.SPECTATOR) shouldBe true; watching += it }
                    2 -> member?.let { h.leave(it) shouldBe true; playing -= it; watching -= it; away -= it }
                    3 -> member?.takeIf { it !in away }?.let { h.detach(it); away += it }
                    else -> member?.takeIf { it in away }?.let { h.room.reattach(it, h.connect(it)) shouldBe true; testScheduler.runCurrent(); away -= it }
                }
            }
            h.leave(HOST) // a person takes over; a quiz's host does not play, so one player fewer
            h.join(CY, role = Role.SPECTATOR)
            val snapshot = h.of(CY).fresh().one("room")
            playing -= PlayerId(snapshot.str("host"))
            val expected = Crowd(players = playing.size, spectators = watching.size + 1, connected = (playing - away).size)
            snapshot.crowdOf() shouldBe expected
            h.advance(Crowd.SUMMARY_INTERVAL_MS)
            h.of(CY).fresh().one("presence").crowdOf() shouldBe expected
        }
    }

    test("a big room's chat takes 10 lines at once and then 5 a second from everyone together; the rest are rate_limited and reach no one") {
        runTest {
            val h = roomWith(Crowd.BIG_AFTER + 1)
            h.advance(Crowd.SUMMARY_INTERVAL_MS)
            h.settle()
            crowd.take(12).forEachIndexed { i, fan -> h.send(fan, C.Chat("hi $i")) }
            h.of(HOST).fresh().ofType("chat").map { it.str("text") } shouldContainExactly (0 until Crowd.CHAT_BURST).map { "hi $it" }
            for (fan in crowd.subList(Crowd.CHAT_BURST, 12)) h.of(fan).fresh().one("error").str("code") shouldBe "rate_limited"
            h.advance(1_000)
            crowd.take(Crowd.CHAT_PER_SECOND + 1).forEach { h.send(it, C.Chat("again")) }
            h.of(HOST).fresh().ofType("chat").size shouldBe Crowd.CHAT_PER_SECOND
        }
    }

    test("200 arrivals, one every 10 ms, into a big room cost a constant each, not one message per member") {
        runTest {
            val h = roomWith(Crowd.BIG_AFTER + 1)
            val before = (listOf(HOST) + crowd.take(Crowd.BIG_AFTER + 1)).sumOf { h.of(it).texts.size }
            val more = List(200) { PlayerId("p_late$it") }
            more.forEach {
                h.advance(10)
                h.join(it)
            }
            h.advance(Crowd.SUMMARY_INTERVAL_MS)
            val sent = (listOf(HOST) + crowd.take(Crowd.BIG_AFTER + 1) + more).sumOf { h.of(it).texts.size } - before
            // 200 snapshots, and about 9 presences to at most 303 members each; one by one it would be ~40,000
            sent shouldBeLessThan 200 + 10 * 303
            h.of(more.last()).all.one("room").players().size shouldBe 2 + Crowd.SHOWN
        }
    }
})
