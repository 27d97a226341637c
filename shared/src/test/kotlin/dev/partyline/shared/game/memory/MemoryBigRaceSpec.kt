package dev.partyline.shared.game.memory

import dev.partyline.shared.game.Audience
import dev.partyline.shared.game.CrowdStandings
import dev.partyline.shared.game.Emit
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.T0
import dev.partyline.shared.protocol.Crowd
import dev.partyline.shared.protocol.GameOver
import dev.partyline.shared.protocol.PlayerId
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe

/**
 * A race of more than [CrowdStandings.FULL_MAX_PLAYERS] players: a pair found is told to its
 * finder alone, and everyone gets the top of the race in `standings` at most four times a second;
 * the snapshot and `game_over` hold the top and your own. Everything else is as in any race.
 */
class MemoryBigRaceSpec : FunSpec({
    val racers = List(CrowdStandings.FULL_MAX_PLAYERS + 20) { PlayerId("p_r$it") }
    val race = MemoryFixtures.game(mode = "race") // 2×4: 4 pairs

    fun MemoryRun.pair(player: PlayerId, n: Int, now: Long) = flipBoth(player, deal.pairs[n], now)

    test("a pair is told to its finder alone; the first standings go out at once, with the top and how many race") {
        val r = MemoryRun.start(race, racers)
        val got = r.pair(racers[7], 0, T0 + 1_000)
        got.noneOf<RaceProgressed>()
        got.filter { it.to == Audience.Everyone }.map { it.message } shouldContainExactly listOf(
            RaceStandings(MemoryRules.leaderboard(r.state).take(CrowdStandings.TOP), total = racers.size),
        )
        got.only<RaceStandings>().leaderboard.first().player shouldBe racers[7]
    }

    test("standings go out at most every 250 ms: pairs found in between wait for the timer, then go out together") {
        val r = MemoryRun.start(race, racers)
        r.pair(racers[0], 0, T0 + 1_000).only<RaceStandings>()
        r.pair(racers[1], 0, T0 + 1_100).noneOf<RaceStandings>()
        r.pair(racers[2], 0, T0 + 1_200).noneOf<RaceStandings>()
        r.state.wakeAt shouldBe T0 + 1_000 + Crowd.SUMMARY_INTERVAL_MS
        r.next(GameInput.Tick, T0 + 1_249).shouldBeEmpty()
        val standings = r.next(GameInput.Tick, T0 + 1_250).only<RaceStandings>()
        standings.leaderboard.take(3).map { it.player } shouldContainExactly racers.take(3)
        r.state.wakeAt shouldBe null
        r.next(GameInput.Tick, T0 + 5_000).shouldBeEmpty() // nothing new, nothing sent
    }

    test("a newcomer's snapshot shows the top's progress and their own, not everyone's") {
        val r = MemoryRun.start(race, racers)
        racers.take(12).forEachIndexed { i, racer -> r.pair(racer, 0, T0 + 1_000L * (i + 1)) }
        r.pair(racers[0], 1, T0 + 20_000)
        val progress = r.state.view(racers[100]).board.progress!!
        progress.keys shouldBe (MemoryRules.leaderboard(r.state).take(CrowdStandings.TOP).map { it.player } + racers[100]).toSet()
        progress[racers[0]] shouldBe 2
    }

    test("game_over gives each racer the top and their own standing, with the total") {
        val r = MemoryRun.start(race, racers)
        r.pair(racers[3], 0, T0 + 1_000)
        val last = racers.last()
        (0..2).forEach { r.pair(last, it, T0 + 2_000L + it) }
        val emits = r.pair(last, 3, T0 + 3_000)
        val overs = emits.filter { it.message is GameOver }
        overs.size shouldBe racers.size + 1 // one each, and one for those who watch
        val mine = overs.single { it.to == Audience.Only(racers[50]) }.message as GameOver
        mine.total shouldBe racers.size
        mine.leaderboard.map { it.player }.take(2) shouldContainExactly listOf(last, racers[3])
        mine.leaderboard.size shouldBe CrowdStandings.TOP + 1
        mine.leaderboard.last().player shouldBe racers[50]
        (overs.single { it.to is Audience.Others }.message as GameOver).leaderboard.size shouldBe CrowdStandings.TOP
    }

    test("a race of 100 or fewer still tells everyone of each pair at once") {
        val r = MemoryRun.start(race, racers.take(CrowdStandings.FULL_MAX_PLAYERS))
        val got = r.pair(racers[5], 0, T0 + 1_000)
        got shouldContainExactly got.filterNot { it.message is RaceStandings }
        got.last() shouldBe Emit(Audience.Everyone, RaceProgressed(racers[5], 1))
    }
})
