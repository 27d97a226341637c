package dev.partyline.shared.game.memory

import dev.partyline.shared.game.Audience
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.Seat
import dev.partyline.shared.game.Step
import dev.partyline.shared.game.T0
import dev.partyline.shared.game.WATCHER
import dev.partyline.shared.game.wire
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.GameOver
import dev.partyline.shared.protocol.Limits
import dev.partyline.shared.protocol.Paused
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Resumed
import dev.partyline.shared.protocol.WireCodec
import io.kotest.assertions.withClue
import io.kotest.common.ExperimentalKotest
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.booleans.shouldBeTrue
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldBeUnique
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.ints.shouldBeGreaterThanOrEqual
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kotest.property.PropTestConfig
import io.kotest.property.arbitrary.arbitrary
import io.kotest.property.checkAll
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.put

/** A random game: a small board, 1–4 players, and what happens, with time only moving forward. */
private data class Scenario(
    val rows: Int, val cols: Int, val race: Boolean, val turnSeconds: Int, val missMillis: Int, val seed: Long,
    val players: Int, val offline: Set<Int>, val actions: List<Act>,
)

private sealed interface Act {
    val dt: Long

    /**
     * A flip by participant [who] (a non-player one time in ten), or in turns mode by whoever is
     * on turn when [byHolder]. A [smart] flip turns over a card known to help (the mate of the
     * card up, else some face-down card, picked by [card]); otherwise [card] is any index, sometimes off the board.
     */
    data class FlipCard(override val dt: Long, val who: Int, val byHolder: Boolean, val smart: Boolean, val card: Int) : Act
    data class Wait(override val dt: Long) : Act
    /** A tick at the next wake-up, or [offset] ms off it, to probe the boundary. */
    data class WakeUp(override val dt: Long, val offset: Long) : Act
    data class Presence(override val dt: Long, val player: Int, val connected: Boolean) : Act
    /** A newcomer when [n] is even, else one of the starting seats (back after leaving, or seated twice). */
    data class Join(override val dt: Long, val n: Int) : Act
    data class Leave(override val dt: Long, val player: Int) : Act
    data class Host(override val dt: Long, val input: GameInput) : Act
}

/**
 * Random memory games in both modes keep every invariant after every step: boards stay
 * consistent, pairs add up, no face leaks to anyone who may not see it, rejections are exactly
 * the ones the rules promise, turns go round in seat order, and games really do finish.
 */
@OptIn(ExperimentalKotest::class)
class MemoryPropertySpec : FunSpec({
    val codec = WireCodec(listOf(MemoryGame))
    val faceNames = Faces.all.toSet()

    fun player(i: Int) = PlayerId("p_$i")

    val scenarios = arbitrary { rs ->
        val r = rs.random
        val (rows, cols) = listOf(2 to 2, 2 to 3, 2 to 4, 3 to 4, 4 to 4, 2 to 5).random(r)
        val players = r.nextInt(1, 5)
        val quick = listOf(0L, 0L, 50L, 300L, 800L, 1_500L)
        val slow = listOf(2_000L, 5_000L, 15_000L, 40_000L)
        val actions = List(r.nextInt(10, 150)) { n ->
            val dt = if (r.nextInt(6) == 0) slow.random(r) else quick.random(r)
            when (r.nextInt(1_000)) {
                in 0..629 -> Act.FlipCard(dt, r.nextInt(1_000), r.nextInt(10) < 8, r.nextInt(10) < 6, r.nextInt(-1, rows * cols + 1))
                in 630..709 -> Act.Wait(dt)
                in 710..789 -> Act.WakeUp(dt, listOf(-1L, 0L, 0L, 0L).random(r))
                in 790..879 -> Act.Presence(dt, r.nextInt(players), r.nextInt(3) != 0)
                in 880..899 -> Act.Join(dt, n * 2 + r.nextInt(2))
                in 900..914 -> Act.Leave(dt, r.nextInt(players))
                in 915..949 -> Act.Host(dt, GameInput.Skip)
                in 950..969 -> Act.Host(dt, GameInput.Pause)
                in 970..996 -> Act.Host(dt, GameInput.Resume)
                else -> Act.Host(dt, GameInput.End)
            }
        }
        Scenario(
            rows, cols, r.nextBoolean(), listOf(3, 5, 15).random(r), listOf(0, 400, 1_500, 6_000).random(r), r.nextLong(0, Limits.MAX_EXACT_NUMBER + 1),
            players, (0 until players).filter { r.nextInt(7) == 0 }.toSet(), actions,
        )
    }

    /** The next active player after [current] in seat order, [current] itself last; null when nobody is active. */
    fun nextActive(players: List<MemoryPlayer>, current: PlayerId?): PlayerId? {
        val from = players.indexOfFirst { it.id == current }
        return (1..players.size).map { players[(from + it) % players.size] }.firstOrNull { it.connected && !it.left }?.id
    }

    /** Every string value in [e] that is a card face. */
    fun facesIn(e: JsonElement): List<String> = when (e) {
        is JsonObject -> e.values.flatMap(::facesIn)
        is JsonArray -> e.flatMap(::facesIn)
        is JsonPrimitive -> if (e.isString && e.content in faceNames) listOf(e.content) else emptyList()
    }

    /** The error a flip must get, by the rules as promised; null when it must be accepted. */
    fun flipRefusal(s: MemoryState, by: PlayerId, card: Int): ErrorCode? {
        val p = s.player(by)
        val board = s.boardOf(by)
        return when {
            p == null || p.left -> ErrorCode.NOT_A_PLAYER
            s.over || s.pausedAt != null -> ErrorCode.WRONG_STATE
            card !in s.settings.deck.indices -> ErrorCode.BAD_REQUEST
            !s.race && s.turn != by -> ErrorCode.NOT_YOUR_TURN
            board.hideAt != null -> ErrorCode.WRONG_STATE
            card in board.matched || card in board.up -> ErrorCode.BAD_REQUEST
            else -> null
        }
    }

    fun refusal(s: MemoryState, input: GameInput, now: Long): ErrorCode? = when (input) {
        // A flip is judged after what fell due by its time (a hide, a lapsed turn), as a tick would settle it.
        is GameInput.Move -> flipRefusal((s.decide(GameInput.Tick, now) as Step.Next).play as MemoryState, input.player, (input.move as FlipCard).card)
        is GameInput.Joined -> if (s.over) ErrorCode.WRONG_STATE else null
        GameInput.Skip -> if (s.over || s.pausedAt != null || s.race || s.turn == null) ErrorCode.WRONG_STATE else null
        GameInput.Pause -> if (s.over || s.pausedAt != null) ErrorCode.WRONG_STATE else null
        GameInput.Resume -> if (s.pausedAt == null) ErrorCode.WRONG_STATE else null
        GameInput.End -> if (s.over) ErrorCode.WRONG_STATE else null
        else -> null
    }

    /** A card that helps [by] along: the mate of their face-up card, else a face-down card chosen by [pick]. */
    fun smartCard(s: MemoryState, deal: Deal, by: PlayerId, pick: Int): Int {
        val board = s.boardOf(by)
        if (board.up.size == 1) return deal.mate(board.up.single())
        val down = deal.deck.indices.filter { it !in board.matched && it !in board.up }
        return if (down.isEmpty()) pick else down[pick.mod(down.size)]
    }

    test("random memory games keep every invariant and reach their end") {
        val seen = mutableMapOf<String, Int>() // how often each event, rejection and ending came up
        var finishedInPlay = 0
        checkAll(PropTestConfig(seed = 20_251_124L, iterations = 300), scenarios) { sc ->
            val deal = Deal(Faces.deal(sc.rows * sc.cols / 2, sc.seed))
            val deck = deal.deck
            val options = MemoryFixtures.opts(
                "rows" to sc.rows, "cols" to sc.cols, "mode" to if (sc.race) "race" else "turns",
                "turnSeconds" to sc.turnSeconds, "missMillis" to sc.missMillis, "seed" to sc.seed,
            )
            val seats = List(sc.players) { Seat(player(it), "player $it", connected = it !in sc.offline) }
            val first = MemoryFixtures.table(options, seed = 1L).start(seats, T0) as Step.Next
            var state = first.play as MemoryState
            state.settings.deck shouldBe deck
            var now = T0
            var gameOvers = 0
            var reason: String? = null

            fun visibleBoard(s: MemoryState, viewer: PlayerId): Board? =
                if (!s.race) s.shared else s.boards[viewer].takeIf { s.player(viewer) != null }

            fun checkBoard(b: Board) {
                b.up.size shouldBeLessThanOrEqual 2
                b.up.shouldBeUnique()
                b.up.filter { it in b.matched }.shouldBeEmpty()
                b.matched.forEach { c -> withClue("mate of matched card $c") { (deal.mate(c) in b.matched).shouldBeTrue() } }
                // Two unmatched cards stay up only as a miss showing until hideAt.
                (b.up.size == 2) shouldBe (b.hideAt != null)
                if (b.up.size == 2) deck[b.up[0]] shouldNotBe deck[b.up[1]]
            }

            fun checkState(s: MemoryState) {
                s.settings.deck shouldBe deck
                if (s.race) {
                    s.boards.keys shouldBe s.players.map { it.id }.toSet()
                    s.players.forEach { p -> s.boards.getValue(p.id).matched.size shouldBe 2 * p.pairs }
                    s.boards.values.forEach(::checkBoard)
                    s.turn shouldBe null
                    s.deadline shouldBe null
                } else {
                    checkBoard(s.shared)
                    s.players.sumOf { it.pairs } * 2 shouldBe s.shared.matched.size
                }
                val active = s.players.filter { it.active }
                when {
                    s.over -> { s.turn shouldBe null; s.deadline shouldBe null; s.pausedAt shouldBe null }
                    s.race || s.pausedAt != null -> Unit
                    // A miss showing keeps its player on turn until the hide, even if they dropped or left.
                    s.shared.hideAt != null -> s.turn shouldNotBe null
                    else -> {
                        (s.turn == null) shouldBe active.isEmpty()
                        s.turn?.let { t -> active.map { it.id }.contains(t).shouldBeTrue() }
                        (s.deadline == null) shouldBe (s.turn == null)
                    }
                }
                s.hiding shouldBe s.boards.filterValues { it.hideAt != null }.mapValues { it.value.hideAt } // the kept index never drifts
                s.wakeAt shouldBe when {
                    s.over || s.pausedAt != null -> null
                    s.race -> s.boards.values.mapNotNull { it.hideAt }.minOrNull()
                    else -> s.shared.hideAt ?: s.deadline
                }
                for (viewer in s.players.map { it.id } + WATCHER) withClue("view of $viewer") {
                    val view = s.view(viewer).wire()
                    val board = view["board"]!!.jsonObject
                    val visible = visibleBoard(s, viewer)
                    board["faceUp"] shouldBe buildJsonObject { visible?.up?.forEach { put("$it", deck[it]) } }
                    board["found"] shouldBe buildJsonObject { visible?.matched?.forEach { put("$it", deck[it]) } }
                    board["matched"] shouldBe JsonArray(visible?.matched.orEmpty().sorted().map(::JsonPrimitive))
                    facesIn(JsonObject(board - "faceUp" - "found")).shouldBeEmpty()
                    view["paused"] shouldBe JsonPrimitive(s.pausedAt != null)
                    if (s.race) board["progress"] shouldBe buildJsonObject { s.players.filterNot { it.left }.forEach { put(it.id.value, it.pairs) } }
                }
            }

            fun observe(before: MemoryState, input: GameInput, step: Step.Next) {
                val after = step.play as MemoryState
                after.players.map { it.id }.take(before.players.size) shouldBe before.players.map { it.id }
                before.players.forEach { p -> after.player(p.id)!!.pairs shouldBeGreaterThanOrEqual p.pairs }
                val flipped = ((input as? GameInput.Move)?.move as? FlipCard)?.card
                val matchBy = step.emits.mapNotNull { (it.message as? PairMatched)?.by }.singleOrNull()
                step.emits.count { it.message is TurnStarted } shouldBeLessThanOrEqual 1
                for (emit in step.emits) {
                    val m = emit.message
                    seen.merge(m::class.simpleName!!, 1, Int::plus)
                    val faces = facesIn(codec.json.parseToJsonElement(codec.encode(m)))
                    withClue("$m to ${emit.to}") {
                        if (m is Flipped) faces shouldBe listOf(m.face) else faces.shouldBeEmpty()
                        val owner = when (m) {
                            is Flipped -> m.by
                            is PairMatched -> m.by
                            is PairMissed -> m.by
                            is CardsHidden -> m.by
                            else -> null
                        }
                        // A board's own events go to whoever may see that board; everything else to everyone.
                        emit.to shouldBe if (owner != null && after.race) Audience.Only(owner) else Audience.Everyone
                        when (m) {
                            is Flipped -> {
                                m.card shouldBe flipped
                                (input as GameInput.Move).player shouldBe m.by
                                m.face shouldBe deck[m.card]
                                val shown = after.boardOf(m.by).let { m.card in it.up || m.card in it.matched }
                                val hiddenAtOnce = step.emits.any { (it.message as? CardsHidden)?.cards?.contains(m.card) == true }
                                (shown || hiddenAtOnce).shouldBeTrue()
                            }
                            is PairMatched -> {
                                deck[m.cards[0]] shouldBe deck[m.cards[1]]
                                after.boardOf(m.by).matched shouldContainAll m.cards
                                m.score shouldBe after.player(m.by)!!.pairs
                                m.score shouldBe before.player(m.by)!!.pairs + 1
                            }
                            is PairMissed -> {
                                deck[m.cards[0]] shouldNotBe deck[m.cards[1]]
                                m.cards shouldBe before.boardOf(m.by).up + flipped!!
                                m.hideAt shouldBe now + sc.missMillis
                            }
                            is CardsHidden -> {
                                m.cards.isNotEmpty().shouldBeTrue()
                                (before.boardOf(m.by).up + listOfNotNull(flipped)) shouldContainAll m.cards
                                // A flip after a due hide may turn one of the hidden cards up again.
                                val flippedAgain = step.emits.drop(step.emits.indexOf(emit) + 1).any { it.message is Flipped }
                                after.boardOf(m.by).up.filter { it in m.cards && !(flippedAgain && it == flipped) }.shouldBeEmpty()
                            }
                            is TurnStarted -> {
                                after.race shouldBe false
                                if (matchBy != null) m.player shouldBe matchBy
                                else m.player shouldBe nextActive(after.players, before.turn)
                                m.deadline shouldBe m.player?.let { now + sc.turnSeconds * 1_000L }
                                after.turn shouldBe m.player
                                after.deadline shouldBe m.deadline
                            }
                            is RaceProgressed -> m.pairs shouldBe after.player(m.player)!!.pairs
                            is Paused -> m.remaining shouldBe before.deadline?.let { maxOf(0L, it - now) }
                            is Resumed -> m.deadline shouldBe after.deadline // the deadline that runs now, even if the turn passed on resuming
                            is GameOver -> {
                                gameOvers++
                                reason = m.reason
                                seen.merge("over: ${m.reason}", 1, Int::plus)
                                after.isOver.shouldBeTrue()
                                m.seed shouldBe sc.seed
                                val ranked = m.leaderboard
                                ranked.map { it.player } shouldBe after.players.filterNot { it.left }.sortedByDescending { it.pairs }.map { it.id }
                                ranked.forEach { s -> s.score shouldBe after.player(s.player)!!.pairs; s.rank shouldBe 1 + ranked.count { it.score > s.score } }
                                when (m.reason) {
                                    "finished" -> if (after.race) {
                                        val winner = after.players.single { after.boards.getValue(it.id).matched.size == deck.size }
                                        ranked.filter { it.rank == 1 }.map { it.player } shouldBe listOf(winner.id)
                                    } else {
                                        after.shared.matched.size shouldBe deck.size
                                        after.players.sumOf { it.pairs } shouldBe deck.size / 2
                                    }
                                    "ended" -> input shouldBe GameInput.End
                                    "abandoned" -> { input.shouldBeInstanceOf<GameInput.Gone>(); after.players.all { it.left }.shouldBeTrue() }
                                    else -> error("unknown reason ${m.reason}")
                                }
                            }
                            else -> error("unexpected event $m")
                        }
                    }
                }
                when (input) {
                    // A tick acts exactly when something is due: a miss to hide, else (turns) a lapsed deadline.
                    GameInput.Tick -> when {
                        before.over || before.pausedAt != null -> { step.emits.shouldBeEmpty(); after shouldBe before }
                        before.race -> step.emits.map { (it.message as CardsHidden).by }.toSet() shouldBe
                            before.boards.filterValues { b -> b.hideAt?.let { it <= now } == true }.keys
                        else -> {
                            val due = before.shared.hideAt?.let { now >= it } ?: before.deadline?.let { now >= it } ?: false
                            if (due) step.emits.count { it.message is TurnStarted } shouldBe 1 else step.emits.shouldBeEmpty()
                        }
                    }
                    // Time spent paused does not count: a showing miss stays up as long as it had left.
                    GameInput.Resume -> {
                        val shift = now - before.pausedAt!!
                        after.boards.forEach { (id, b) -> b.hideAt shouldBe before.boards.getValue(id).hideAt?.plus(shift) }
                        before.shared.hideAt?.let { after.shared.hideAt shouldBe it + shift }
                    }
                    else -> Unit
                }
                checkState(after)
                state = after
            }

            fun apply(input: GameInput) {
                val before = state
                val expected = refusal(before, input, now)
                withClue("$input at $now") {
                    when (val step = before.decide(input, now)) {
                        is Step.Next -> { expected shouldBe null; observe(before, input, step) }
                        // A rejection carries no state: the game goes on from the state before it.
                        is Step.Rejected -> { step.rejection.code shouldBe expected; seen.merge(step.rejection.code.wire, 1, Int::plus) }
                    }
                }
            }

            checkState(state)
            for (act in sc.actions) {
                if (state.isOver) break
                now += act.dt
                when (act) {
                    is Act.FlipCard -> {
                        val ids = state.players.map { it.id }
                        val by = when {
                            act.byHolder && !state.race && state.turn != null -> state.turn!!
                            act.who % 10 == 9 -> WATCHER
                            else -> ids[act.who % ids.size]
                        }
                        val card = if (act.smart) smartCard(state, deal, by, act.card) else act.card
                        apply(GameInput.Move(by, FlipCard(card), now))
                    }
                    is Act.Wait -> apply(GameInput.Tick)
                    is Act.WakeUp -> state.wakeAt?.let { now = maxOf(now, it + act.offset); apply(GameInput.Tick) }
                    is Act.Presence -> apply(GameInput.Presence(player(act.player), act.connected))
                    is Act.Join -> {
                        val id = if (act.n % 2 == 0) PlayerId("p_late_${act.n}") else player(act.n / 2 % sc.players)
                        apply(GameInput.Joined(Seat(id, id.value)))
                    }
                    is Act.Leave -> apply(GameInput.Gone(player(act.player)))
                    is Act.Host -> apply(act.input)
                }
            }
            if (reason == "finished") finishedInPlay++
            // Play the game out: resume, bring someone back, and flip known pairs until it is over.
            var guard = 0
            while (!state.isOver) {
                (guard++ < 1_000).shouldBeTrue()
                val racer = state.players.firstOrNull { !it.left }!!
                val by = if (state.race) racer.id else state.turn
                when {
                    state.pausedAt != null -> apply(GameInput.Resume)
                    state.wakeAt?.let { now >= it } == true -> apply(GameInput.Tick) // a lapsed turn passes first
                    by == null || state.player(by)?.active != true && state.boardOf(by).hideAt == null ->
                        apply(GameInput.Presence(by ?: racer.id, true))
                    state.boardOf(by).hideAt != null -> { now = maxOf(now, state.wakeAt!!); apply(GameInput.Tick) }
                    else -> apply(GameInput.Move(by, FlipCard(smartCard(state, deal, by, 0)), now))
                }
            }
            gameOvers shouldBe 1
        }
        withClue(seen) {
            listOf("Flipped", "PairMatched", "TurnStarted", "RaceProgressed").forEach { seen.getValue(it) shouldBeGreaterThanOrEqual 500 }
            listOf("PairMissed", "CardsHidden").forEach { seen.getValue(it) shouldBeGreaterThanOrEqual 200 }
            listOf("Paused", "Resumed", "over: ended", "over: abandoned", "bad_request", "not_a_player", "not_your_turn", "wrong_state")
                .forEach { seen.getValue(it) shouldBeGreaterThanOrEqual 10 }
            seen.getValue("over: finished") shouldBeGreaterThanOrEqual 200
            withClue("games finished by random play") { finishedInPlay shouldBeGreaterThanOrEqual 30 }
        }
    }
})
