package dev.partyline.shared.game.quiz

import dev.partyline.shared.game.ADA
import dev.partyline.shared.game.Audience
import dev.partyline.shared.game.BOB
import dev.partyline.shared.game.CY
import dev.partyline.shared.game.CrowdStandings
import dev.partyline.shared.game.Emit
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.T0
import dev.partyline.shared.protocol.Crowd
import dev.partyline.shared.protocol.GameOver
import dev.partyline.shared.protocol.PlayerId
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.shouldBe

/** A quiz of more than a hundred players sends each player their own result and the top, not everyone's. */
class QuizBigRoomSpec : FunSpec({
    val q = QuizFixtures
    val crowd = List(CrowdStandings.FULL_MAX_PLAYERS + 50) { PlayerId("p_$it") }

    /** A crowd quiz where player i answers right when i is odd, player 0 first and the last player last. */
    fun played(questions: Int = 2): Pair<QuizRun, List<Emit>> {
        val r = QuizRun.start(List(questions) { q.single(answer = 1) }, crowd)
        var emits = emptyList<Emit>()
        crowd.forEachIndexed { i, p -> emits = r.answer(p, 0, choice = if (i % 2 == 1) 1 else 0, at = T0 + 10 + i) }
        return r to emits
    }

    test("in a quiz of more than a thousand players, answers progress goes out once a second, not four times") {
        val thousands = List(Crowd.CROWDED_AFTER + 1) { PlayerId("p_$it") }
        val r = QuizRun.start(List(1) { q.single(answer = 1) }, thousands)
        r.answer(thousands[0], 0, choice = 1, at = T0 + 1_000).only<AnswerProgress>()
        r.answer(thousands[1], 0, choice = 1, at = T0 + 1_000 + Crowd.SUMMARY_INTERVAL_MS).noneOf<AnswerProgress>()
        r.state.wakeAt shouldBe T0 + 1_000 + Crowd.CROWDED_SUMMARY_INTERVAL_MS
    }

    test("each player's reveal holds only their own result, the top ten and their own standing") {
        val (_, emits) = played()
        val personal = emits.filter { it.to is Audience.Only && it.message is Reveal }
        personal shouldHaveSize crowd.size
        for (emit in personal) {
            val player = (emit.to as Audience.Only).player
            val reveal = emit.message as Reveal
            reveal.results.map { it.player } shouldContainExactly listOf(player)
            reveal.total shouldBe crowd.size
            reveal.leaderboard.take(CrowdStandings.TOP).map { it.rank } shouldBe reveal.leaderboard.take(CrowdStandings.TOP).map { it.rank }.sorted()
            (player in reveal.leaderboard.map { it.player }) shouldBe true
            reveal.leaderboard.size shouldBe if (reveal.leaderboard.take(CrowdStandings.TOP).any { it.player == player }) CrowdStandings.TOP else CrowdStandings.TOP + 1
            reveal.distribution shouldBe listOf(75, 75, 0, 0)
        }
    }

    test("watchers get the top ten and no one's result, in one message for all of them") {
        val (_, emits) = played()
        val watchers = emits.single { it.to is Audience.Others }
        (watchers.to as Audience.Others).except shouldBe crowd.toSet()
        val reveal = watchers.message as Reveal
        reveal.results shouldBe emptyList()
        reveal.leaderboard shouldHaveSize CrowdStandings.TOP
        emits.none { it.to == Audience.Everyone && it.message is Reveal } shouldBe true
    }

    test("the final standings are personal too, and a snapshot's reveal is the viewer's own") {
        val r = QuizRun.start(listOf(q.single(answer = 1)), crowd)
        var emits = emptyList<Emit>()
        crowd.forEachIndexed { i, p -> emits = r.answer(p, 0, choice = 1, at = T0 + 10 + i) }
        val overs = emits.filter { it.message is GameOver }
        overs shouldHaveSize crowd.size + 1
        val last = crowd.last()
        val mine = overs.single { it.to == Audience.Only(last) }.message as GameOver
        mine.total shouldBe crowd.size
        mine.leaderboard.last().player shouldBe last
        val reveal = r.state.view(last).reveal!!
        reveal.results shouldHaveSize 1
        reveal.total shouldBe crowd.size
    }

    test("a room of a hundred or fewer still shows everyone every result") {
        val r = QuizRun.start(listOf(q.single(answer = 1), q.single(answer = 1)), listOf(ADA, BOB, CY))
        var emits = emptyList<Emit>()
        for (p in listOf(ADA, BOB, CY)) emits = r.answer(p, 0, choice = 1, at = T0 + 100)
        val reveal = emits.single { it.message is Reveal }
        reveal.to shouldBe Audience.Everyone
        (reveal.message as Reveal).results shouldHaveSize 3
        (reveal.message as Reveal).total shouldBe null
        r.next(GameInput.End, T0 + 200).single().to shouldBe Audience.Everyone
    }
})
