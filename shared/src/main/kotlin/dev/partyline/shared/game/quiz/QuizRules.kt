package dev.partyline.shared.game.quiz

import dev.partyline.shared.game.Audience
import dev.partyline.shared.game.CrowdStandings
import dev.partyline.shared.game.Emit
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.Step
import dev.partyline.shared.game.Tally
import dev.partyline.shared.game.standings
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.GameOver
import dev.partyline.shared.protocol.Paused
import dev.partyline.shared.protocol.PlainText
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Rejection
import dev.partyline.shared.protocol.Resumed
import kotlinx.collections.immutable.persistentMapOf
import kotlinx.collections.immutable.toPersistentMap

/** The quiz as a fold: `decide(state, input, now)` gives the next state and its events, or a rejection. */
object QuizRules {
    /**
     * A deadline or reveal pause that runs at most this late keeps the schedule: what follows is
     * timed from when it was due, so a game's timer lateness never adds up. Later than this (a
     * stalled server), what follows is timed from now, not cut short.
     */
    const val CATCH_UP_MS = 250L

    /** Opens the first question for [players] at [now]. */
    fun start(settings: QuizSettings, players: List<QuizPlayer>, now: Long): Step.Next {
        val first = QuizState(settings, players.associateBy { it.id }.toPersistentMap(), players.count { it.connected }, index = 0, phase = QuizPhase.OPEN, openedAt = now, deadline = now)
        return open(first, 0, now)
    }

    fun decide(state: QuizState, input: GameInput, now: Long): Step = when (input) {
        is GameInput.Move -> when (val move = input.move) {
            is Answer -> answer(state, input.player, move, input.receivedAt, now)
            else -> reject(ErrorCode.WRONG_STATE, "that is not a move in a quiz")
        }
        is GameInput.Joined -> when {
            !state.settings.lateJoin -> reject(ErrorCode.WRONG_STATE, "this quiz has started and does not take late joiners")
            state.phase == QuizPhase.OVER -> reject(ErrorCode.WRONG_STATE, "this quiz is over")
            else -> {
                val seated = state.players[input.seat.player]?.copy(connected = input.seat.connected)
                    ?: QuizPlayer(input.seat.player, input.seat.name, connected = input.seat.connected)
                closeIfAllAnswered(state.seat(seated), now)
            }
        }
        is GameInput.Presence -> {
            val player = state.players[input.player]
            if (player == null) Step.Next(state)
            else closeIfAllAnswered(state.seat(player.copy(connected = input.connected)), now)
        }
        is GameInput.Gone -> closeIfAllAnswered(state.unseat(input.player), now)
        GameInput.Tick -> tick(state, now)
        GameInput.Skip -> when {
            state.pausedAt != null -> reject(ErrorCode.WRONG_STATE, "the game is paused; resume it first")
            state.phase == QuizPhase.OPEN -> close(state, now)
            state.phase == QuizPhase.REVEALED -> advance(state, now)
            else -> reject(ErrorCode.WRONG_STATE, "the quiz is over")
        }
        GameInput.Pause -> when {
            state.phase == QuizPhase.OVER -> reject(ErrorCode.WRONG_STATE, "the quiz is over")
            state.pausedAt != null -> reject(ErrorCode.WRONG_STATE, "the game is already paused")
            else -> {
                val due = if (state.phase == QuizPhase.OPEN) state.deadline else state.nextAt
                Step.Next(state.copy(pausedAt = now), listOf(Emit(Audience.Everyone, Paused(due?.let { (it - now).coerceAtLeast(0) }))))
            }
        }
        GameInput.Resume -> {
            val pausedAt = state.pausedAt
            if (pausedAt == null) reject(ErrorCode.WRONG_STATE, "the game is not paused")
            else {
                val shift = now - pausedAt
                val resumed = state.copy(
                    pausedAt = null,
                    openedAt = state.openedAt + shift,
                    deadline = state.deadline + shift,
                    nextAt = state.nextAt?.plus(shift),
                    lastProgressAt = state.lastProgressAt + shift,
                )
                val due = if (resumed.phase == QuizPhase.OPEN) resumed.deadline else resumed.nextAt
                // Players may have answered or dropped while paused: the question may be done.
                val after = closeIfAllAnswered(resumed, now)
                Step.Next(after.play, listOf(Emit(Audience.Everyone, Resumed(due))) + after.emits)
            }
        }
        GameInput.End -> if (state.phase == QuizPhase.OVER) reject(ErrorCode.WRONG_STATE, "the quiz is over")
        else Step.Next(state.copy(phase = QuizPhase.OVER, pausedAt = null), CrowdStandings.gameOver(leaderboard(state), "ended", state.players.keys))
    }

    private fun answer(state: QuizState, player: PlayerId, move: Answer, receivedAt: Long, now: Long): Step {
        val question = state.question
        return when {
            player !in state.players -> reject(ErrorCode.NOT_A_PLAYER, "only players answer; you are watching")
            state.phase == QuizPhase.OVER -> reject(ErrorCode.WRONG_STATE, "the quiz is over")
            state.pausedAt != null -> reject(ErrorCode.WRONG_STATE, "the game is paused")
            move.index > state.index || move.index < 0 -> reject(ErrorCode.BAD_REQUEST, "question ${move.index} is not open")
            move.index < state.index || state.phase != QuizPhase.OPEN || receivedAt > state.deadline ->
                reject(ErrorCode.TOO_LATE, "question ${move.index} is closed")
            player in state.answers -> reject(ErrorCode.ALREADY_ANSWERED, "you have already answered question ${move.index}")
            else -> {
                val judged = judge(question, move) ?: return reject(ErrorCode.BAD_REQUEST, shapeHint(question.kind, question.choices.size))
                val elapsed = (receivedAt - state.openedAt).coerceIn(0, state.limitMillis)
                val next = state.copy(answers = state.answers.put(player, Submitted(judged.first, elapsed, judged.second)))
                val ack = Emit(Audience.Requester, AnswerAck(move.index))
                val step = closeIfAllAnswered(next, now)
                if (step.play !== next) step.copy(emits = listOf(ack) + step.emits) else progress(next, now, ack)
            }
        }
    }

    /** Whether [move] answers [question] correctly and which choices it picked; null if it has the wrong shape. */
    private fun judge(question: Question, move: Answer): Pair<Boolean, List<Int>>? = when (question.kind) {
        QuestionKind.SINGLE, QuestionKind.TRUEFALSE -> {
            val choice = move.choice?.takeIf { it in question.choices.indices && move.choices == null && move.text == null }
            choice?.let { (it == question.answer.single()) to listOf(it) }
        }
        QuestionKind.MULTI -> {
            val picked = move.choices?.takeIf { c ->
                c.isNotEmpty() && c.all { it in question.choices.indices } && c.toSet().size == c.size && move.choice == null && move.text == null
            }
            picked?.let { (it.toSet() == question.answer.toSet()) to it }
        }
        QuestionKind.TYPED -> move.text?.takeIf {
            it.isNotBlank() && it.length <= dev.partyline.shared.protocol.Limits.MAX_TYPED_ANSWER_CHARS && PlainText.isClean(it) &&
                move.choice == null && move.choices == null
        }
            ?.let { TypedAnswer.matches(it, question.accept) to emptyList() }
    }

    private fun shapeHint(kind: QuestionKind, choices: Int) = when (kind) {
        QuestionKind.SINGLE, QuestionKind.TRUEFALSE -> "answer this question with \"choice\": an index from 0 to ${choices - 1}"
        QuestionKind.MULTI -> "answer this question with \"choices\": distinct indexes from 0 to ${choices - 1}"
        QuestionKind.TYPED -> "answer this question with \"text\": 1 to ${dev.partyline.shared.protocol.Limits.MAX_TYPED_ANSWER_CHARS} characters, none of them control characters"
    }

    /** Sends `answers` progress now, or marks it due when one went out less than an interval ago. */
    private fun progress(state: QuizState, now: Long, vararg first: Emit): Step.Next =
        if (now - state.lastProgressAt >= state.progressInterval) {
            Step.Next(state.copy(lastProgressAt = now, progressDue = false), first.toList() + Emit(Audience.Everyone, progressOf(state)))
        } else {
            Step.Next(state.copy(progressDue = true), first.toList())
        }

    private fun progressOf(state: QuizState) = AnswerProgress(state.index, state.answers.size, state.players.size)

    private fun closeIfAllAnswered(state: QuizState, now: Long): Step.Next {
        if (state.phase != QuizPhase.OPEN || state.pausedAt != null) return Step.Next(state)
        // Fewer answers than connected players: someone connected is still to answer. Only when there
        // are as many does it look for one (answers of players who since dropped count too).
        val waiting = state.answers.size < state.connected || state.players.values.any { it.connected && it.id !in state.answers }
        return if (!waiting && state.connected > 0) close(state, now) else Step.Next(state)
    }

    /** [state] with [player] seated (new, back, or connected anew), its connected count kept. */
    private fun QuizState.seat(player: QuizPlayer): QuizState {
        val was = if (players[player.id]?.connected == true) 1 else 0
        val isNow = if (player.connected) 1 else 0
        return copy(players = players.put(player.id, player), connected = connected - was + isNow)
    }

    /** [state] without [id] and its answer, its connected count kept. */
    private fun QuizState.unseat(id: PlayerId): QuizState {
        val was = if (players[id]?.connected == true) 1 else 0
        return copy(players = players.remove(id), answers = answers.remove(id), connected = connected - was)
    }

    private fun tick(state: QuizState, now: Long): Step.Next {
        val nextAt = state.nextAt
        return when {
            state.pausedAt != null -> Step.Next(state)
            state.phase == QuizPhase.OPEN && now >= state.deadline -> close(state, from = onSchedule(state.deadline, now))
            state.phase == QuizPhase.OPEN && state.progressDue -> progress(state, now)
            state.phase == QuizPhase.REVEALED && nextAt != null && now >= nextAt -> advance(state, now, from = onSchedule(nextAt, now))
            else -> Step.Next(state)
        }
    }

    /** When the step due at [due] and run at [now] counts as taken, for timing what follows it. */
    private fun onSchedule(due: Long, now: Long) = if (now - due <= CATCH_UP_MS) due else now

    /** Closes the open question as of [from]: settles points and streaks, and reveals until [from] + the reveal pause. */
    private fun close(state: QuizState, from: Long): Step.Next {
        val question = state.question
        val players = state.players.mapValues { (id, p) ->
            val submitted = state.answers[id]
            val correct = submitted?.correct == true
            val streak = if (correct) p.streak + 1 else 0
            val points = QuizScoring.points(correct, question.points, submitted?.elapsed ?: 0, state.limitMillis, streak)
            p.copy(score = p.score + points, streak = streak) to points
        }
        val settled = state.copy(players = players.mapValues { it.value.first }.toPersistentMap(), phase = QuizPhase.REVEALED, progressDue = false)
        val last = state.index == state.settings.questions.lastIndex
        val reveal = Reveal(
            index = state.index,
            correct = question.answer,
            accept = question.accept.takeIf { question.kind == QuestionKind.TYPED },
            distribution = if (question.kind == QuestionKind.TYPED) null
            else question.choices.indices.map { c -> state.answers.values.count { c in it.choices } },
            results = players.map { (id, pair) ->
                val (p, points) = pair
                AnswerResult(id, id in state.answers, state.answers[id]?.correct == true, points, p.score, p.streak)
            },
            leaderboard = leaderboard(settled),
            last = last,
            explanation = question.explanation,
        )
        val emits = BigRoom.reveal(reveal, state.players.keys).toMutableList()
        return if (last) {
            emits += CrowdStandings.gameOver(reveal.leaderboard, "finished", state.players.keys)
            Step.Next(settled.copy(phase = QuizPhase.OVER, lastReveal = reveal), emits)
        } else {
            Step.Next(settled.copy(nextAt = from + state.settings.revealMillis, lastReveal = reveal), emits)
        }
    }

    /** After a reveal: opens the next question, timed from [from]. */
    private fun advance(state: QuizState, now: Long, from: Long = now): Step.Next = open(state, state.index + 1, now, from)

    /** Opens question [index] at [now], timed from [from]: its deadline is [from] + its seconds. */
    private fun open(state: QuizState, index: Int, now: Long, from: Long = now): Step.Next {
        val limit = ((state.settings.questions[index].seconds ?: state.settings.defaultSeconds) * 1000L)
        val opened = state.copy(
            index = index, phase = QuizPhase.OPEN, openedAt = from, deadline = from + limit,
            answers = persistentMapOf(), nextAt = null, lastProgressAt = now - state.progressInterval, progressDue = false, lastReveal = null,
        )
        return Step.Next(opened, listOf(Emit(Audience.Everyone, opened.questionView())))
    }

    fun leaderboard(state: QuizState) = standings(state.players.values.map { Tally(it.id, it.name, it.score) })

    private fun reject(code: ErrorCode, message: String) = Step.Rejected(Rejection(code, message))
}
