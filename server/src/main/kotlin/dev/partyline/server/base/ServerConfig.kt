package dev.partyline.server.base

import dev.partyline.shared.protocol.Limits

/**
 * Every bound and timeout of the server, with its default. The command line (and the matching
 * `PARTYLINE_*` environment variables) can set each one.
 */
data class ServerConfig(
    val host: String = "0.0.0.0",
    val httpPort: Int = 8080,
    val tcpPort: Int = 7070,
    /** Largest line (TCP) or text frame (WebSocket), in bytes of UTF-8. */
    val maxLineBytes: Int = Limits.MAX_LINE_BYTES,
    /** Messages queued for one client before it counts as too slow and is dropped. */
    val outboxCapacity: Int = 256,
    /** Commands queued for one room before senders wait. */
    val roomMailbox: Int = 1024,
    /** Messages per second a client may send, and the burst above that. */
    val ratePerSecond: Double = 20.0,
    val rateBurst: Int = 40,
    /** Seconds of continued flooding (one `rate_limited` each) before the connection is closed. */
    val rateStrikes: Int = 5,
    /** A connection silent this long is closed; the server pings after a third of it. */
    val idleTimeoutMillis: Long = 45_000,
    /** How long a dropped player's seat and session are kept for a resume. */
    val graceMillis: Long = 60_000,
    val maxRooms: Int = 10_000,
    /** Default and ceiling of a room's `maxPlayers`. */
    val defaultMaxPlayers: Int = 50,
    val maxPlayersCeiling: Int = 10_000,
    /** Members beyond players (spectators) a room holds at most. */
    val maxSpectators: Int = 1_000,
    /** Joins of unknown room codes one client address may make per minute (and in a burst); 0 turns the limit off. */
    val failedJoinsPerMinute: Int = 10,
    /** New connections (TCP and WebSocket together) one client address may open per second, and in a burst; a burst of 0 turns the cap off. */
    val connectionsPerSecond: Double = 10.0,
    val connectionBurst: Int = 60,
    /** Whether the per-address limits ([failedJoinsPerMinute], [connectionsPerSecond]) apply to loopback addresses too (off, so local bots and benchmarks are never throttled). */
    val limitLoopback: Boolean = false,
    /** Browser origins (`https://host[:port]`) allowed to open a WebSocket besides the server's own. */
    val allowedOrigins: List<String> = emptyList(),
    /** Bots the server runs (`add_bot`) that one room holds at most; they count as players too. */
    val maxBotsPerRoom: Int = 20,
    /** The base think time of the server's bots between moves, in ms (as the `bot` command's `--think-ms`). */
    val botThinkMillis: Long = 400,
    /** Where the embedded store keeps its files; created on first start. */
    val dataDir: String = "partyline-data",
    /** A PostgreSQL URL (`postgresql://user:password@host:port/db`) to keep data there instead of [dataDir]. */
    val databaseUrl: String? = null,
    /** A database call that takes longer fails (`503`) instead of holding a request. */
    val storeTimeoutMillis: Long = 5_000,
    /** Failed logins one account, and one client address, may make in [loginWindowMillis]. */
    val loginAttempts: Int = 10,
    val loginWindowMillis: Long = 15 * 60_000,
    /** The bytes one account's uploaded images may take together; an upload past it is `413 too_large`. */
    val imageQuotaBytes: Long = 64L * 1024 * 1024,
    /** An HTTP request (headers and body) must arrive whole within this long of its first byte, or the connection is closed. */
    val requestDeadlineMillis: Long = 10_000,
    /** Whether a proxy in front sets `X-Forwarded-Proto` that may be believed (it decides the `Secure` cookie flag). */
    val trustProxy: Boolean = false,
    /** Whether rooms record their games (reports, replays); off only to measure what recording costs. */
    val journal: Boolean = true,
    /** Journal entries queued for the database writer before rooms hold on to theirs. */
    val journalQueue: Int = 100_000,
) {
    val pingIntervalMillis: Long get() = idleTimeoutMillis / 3
}
