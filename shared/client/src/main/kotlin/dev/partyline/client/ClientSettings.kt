package dev.partyline.client

import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds

/**
 * How a [PartylineClient] behaves. Its events wait in a queue of [inboxCapacity] (a full queue
 * stops reading, so a slow consumer slows the connection, not the memory); [answerPings] answers
 * the server's `ping` itself; after a dropped connection it reconnects and resumes its session
 * within [resumeWithin] when [resume]; a [PartylineClient.request] waits [requestTimeout] for its reply.
 */
data class ClientSettings(
    val inboxCapacity: Int = 1024,
    val answerPings: Boolean = true,
    val resume: Boolean = true,
    val resumeWithin: Duration = 30.seconds,
    val requestTimeout: Duration = 10.seconds,
    /** What `hello` says the client is, e.g. `my-bot/1.2`. */
    val client: String = "partyline-client",
)
