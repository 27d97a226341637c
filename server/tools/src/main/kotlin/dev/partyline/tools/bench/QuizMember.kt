package dev.partyline.tools.bench

import kotlinx.coroutines.Deferred
import java.util.concurrent.atomic.LongAdder
import kotlin.random.Random

/**
 * What one quiz member saw, per question index: when it sent its answer ([sent], 0 if it did
 * not), when the `reveal` arrived ([revealed], 0 if it did not) and the question's [deadline]
 * (server epoch ms); and whether `game_over` came.
 */
class QuizTrace(questions: Int) {
    val sent = LongArray(questions)
    val revealed = LongArray(questions)
    val deadline = LongArray(questions)
    var finished = false
}

/** Counts and answer-ack latencies that every quiz member adds to; [tooLate] counts answers the server refused as late (`too_late`, or `wrong_state` once the game is over). */
class QuizTally {
    val answers = LongAdder()
    val acks = LongAdder()
    val tooLate = LongAdder()
    val reveals = LongAdder()
    val ackLatency = LatencyHistogram()
}

/**
 * A quiz member's script: the host (seat 0) waits for [go] and starts the game; on each
 * `question` a member that [answers] picks a random choice after [think] nanoseconds (drawn from
 * [random]), and it plays until `game_over` (and the replies to its last answers), noting what it saw in [trace] (which its scenario
 * reads once the member's coroutine has ended, finished or not).
 */
class QuizMember(
    private val member: Member,
    private val trace: QuizTrace,
    private val answers: Boolean,
    private val tally: QuizTally,
    private val random: Random,
    private val think: (Random) -> Long,
) {
    suspend fun play(go: Deferred<Unit>) {
        val client = member.client
        member.startWhenHost(go)
        var due: Long? = null
        var dueIndex = 0
        var sentAt = 0L
        var awaiting = 0 // answers sent that have had neither an ack nor a refusal yet
        fun goOn() = !(trace.finished && awaiting == 0)
        client.serve(
            due = { due },
            onDue = {
                if (!trace.finished) {
                    sentAt = System.nanoTime()
                    client.send(BenchWire.answer(dueIndex, random.nextInt(4)))
                    trace.sent[dueIndex] = sentAt
                    tally.answers.increment()
                    awaiting++
                    due = null
                }
                !trace.finished
            },
            onError = { code ->
                // An answer that reaches the server after the game ended is refused as wrong_state: late too.
                val late = code == "too_late" || (code == "wrong_state" && trace.finished)
                if (!late) throw BenchFailure("error $code")
                tally.tooLate.increment()
                awaiting--
                goOn()
            },
        ) { message ->
            when (message.type) {
                "question" -> {
                    val index = BenchWire.long(message.text, "index")!!.toInt()
                    trace.deadline[index] = BenchWire.long(message.text, "deadline")!!
                    if (answers) {
                        dueIndex = index
                        due = message.nanos + think(random)
                    }
                }
                "answer_ack" -> {
                    tally.acks.increment()
                    tally.ackLatency.recordNanos(message.nanos - sentAt)
                    awaiting--
                }
                "reveal" -> {
                    trace.revealed[BenchWire.long(message.text, "index")!!.toInt()] = message.nanos
                    tally.reveals.increment()
                    due = null
                }
                "game_over" -> {
                    trace.finished = true
                    due = message.nanos + REPLY_GRACE_NANOS
                }
            }
            goOn()
        }
    }

    private companion object {
        /** After `game_over`, how long a member waits for replies to answers it sent just before. */
        const val REPLY_GRACE_NANOS = 5_000_000_000L
    }
}
