package dev.partyline.server.bench

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

/** Counts and answer-ack latencies that every quiz member adds to; [tooLate] counts answers the server refused as `too_late`. */
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
 * [random]), and it plays until `game_over`, noting what it saw in [trace] (which its scenario
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
        if (member.seat == 0) {
            go.await()
            client.send(BenchWire.start())
        }
        var due: Long? = null
        var dueIndex = 0
        var sentAt = 0L
        client.serve(
            due = { due },
            onDue = {
                sentAt = System.nanoTime()
                client.send(BenchWire.answer(dueIndex, random.nextInt(4)))
                trace.sent[dueIndex] = sentAt
                tally.answers.increment()
                due = null
            },
            onError = { code -> if (code == "too_late") tally.tooLate.increment() else throw BenchFailure("error $code") },
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
                }
                "reveal" -> {
                    trace.revealed[BenchWire.long(message.text, "index")!!.toInt()] = message.nanos
                    tally.reveals.increment()
                    due = null
                }
                "game_over" -> trace.finished = true
            }
            !trace.finished
        }
    }
}
