package dev.partyline.tools.bench

/** The five load shapes `partyline-tools bench` can drive. */
enum class Scenario(val id: String) {
    IDLE("idle"), FANOUT("fanout"), CLASSROOM("classroom"), STADIUM("stadium"), RACE("race");

    companion object {
        fun byId(id: String): Scenario = entries.first { it.id == id }
    }
}

/** Which socket each simulated client opens: all TCP lines, all WebSockets, or alternating. */
enum class ClientTransport(val id: String) {
    TCP("tcp"), WS("ws"), MIXED("mixed");

    /** The transport of client number [index]: under [MIXED], even clients use WebSocket, odd ones TCP. */
    fun forClient(index: Int): ClientTransport = when (this) {
        MIXED -> if (index % 2 == 0) WS else TCP
        else -> this
    }

    companion object {
        fun byId(id: String): ClientTransport = entries.first { it.id == id }
    }
}

/**
 * One bench run: the [scenario], the server at [host] ([httpPort] for WebSocket and `/metrics`,
 * [tcpPort] for lines), how many [players] (or [rooms] of [roomSize] for a classroom), the traffic
 * ([rate] chats per room per second, [questions] of [seconds] each with [revealSeconds] between,
 * a race's board of [boardRows] × [boardCols] and its [thinkMillis] on average between flips),
 * how long to hold or send ([durationSeconds] after [warmupSeconds]), [drainSeconds] of quiet
 * before missing deliveries count as lost (or, idle, of settling before memory is read), the [sources] loopback addresses to connect from (`127.0.0.2`…), at most
 * [connectsInFlight] connects at once, the [joinTimeoutSeconds] for everyone to join, and the
 * JSON report's path [out].
 */
data class BenchSettings(
    val scenario: Scenario,
    val host: String = "127.0.0.1",
    val httpPort: Int = 8080,
    val tcpPort: Int = 7070,
    val transport: ClientTransport = ClientTransport.WS,
    val players: Int = defaultPlayers(scenario),
    val rooms: Int = 1000,
    val roomSize: Int = 10,
    val rate: Double = 1.0,
    val durationSeconds: Double = 10.0,
    val warmupSeconds: Double = 2.0,
    val drainSeconds: Double = 2.0,
    val questions: Int = 3,
    val seconds: Int = defaultSeconds(scenario),
    val revealSeconds: Int = 1,
    val boardRows: Int = 4,
    val boardCols: Int = 4,
    val thinkMillis: Int = 100,
    val sources: Int = SourceAddresses.defaultCount(if (scenario == Scenario.CLASSROOM) rooms * roomSize else players),
    val connectsInFlight: Int = 256,
    val joinTimeoutSeconds: Double = 120.0,
    val seed: Long = 1,
    val out: String = "bench-${scenario.id}.json",
) {
    init {
        require(players >= 1) { "players must be at least 1" }
        require(rooms >= 1) { "rooms must be at least 1" }
        require(roomSize >= 2) { "a room needs at least 2 members" }
        require(rate > 0) { "rate must be positive" }
        require(durationSeconds >= 0 && warmupSeconds >= 0 && drainSeconds >= 0) { "times must not be negative" }
        require(questions in 1..100) { "questions must be 1..100" }
        require(seconds in 5..120) { "seconds must be 5..120 (the server's range)" }
        require(revealSeconds in 0..60) { "revealSeconds must be 0..60" }
        require(boardRows in BOARD_SIDE && boardCols in BOARD_SIDE && boardRows * boardCols % 2 == 0) { "a board is 2..8 × 2..8 with an even number of cards" }
        require(thinkMillis in THINK_MILLIS) { "thinkMillis must be $THINK_MILLIS (the server allows 20 messages a second)" }
        require(sources in 1..250) { "sources must be 1..250" }
        require(connectsInFlight >= 1) { "connectsInFlight must be at least 1" }
    }

    /** Connections the run opens. */
    val connections: Int get() = if (scenario == Scenario.CLASSROOM) rooms * roomSize else players

    /** The settings as text, for the JSON report. */
    fun describe(): Map<String, String> = mapOf(
        "scenario" to scenario.id, "host" to host, "httpPort" to "$httpPort", "tcpPort" to "$tcpPort",
        "transport" to transport.id, "connections" to "$connections", "roomSize" to "$roomSize", "rate" to "$rate",
        "durationSeconds" to "$durationSeconds", "warmupSeconds" to "$warmupSeconds", "drainSeconds" to "$drainSeconds",
        "questions" to "$questions", "seconds" to "$seconds", "revealSeconds" to "$revealSeconds",
        "board" to "${boardRows}x$boardCols", "thinkMillis" to "$thinkMillis", "sources" to "$sources", "connectsInFlight" to "$connectsInFlight", "seed" to "$seed",
    )

    companion object {
        /** A memory board's rows or columns, as the server allows them. */
        val BOARD_SIDE = 2..8

        /** `ROWSxCOLS` (e.g. `4x4`) as rows and columns, or null when it is not a board the server allows. */
        fun parseBoard(text: String): Pair<Int, Int>? {
            val sides = text.lowercase().split('x', '×').map { it.trim().toIntOrNull() }
            val (rows, cols) = sides.takeIf { it.size == 2 }?.filterNotNull()?.takeIf { it.size == 2 } ?: return null
            return (rows to cols).takeIf { rows in BOARD_SIDE && cols in BOARD_SIDE && rows * cols % 2 == 0 }
        }

        /** A race's mean think time: each racer waits 50–150 % of it, so from 50 ms it flips at most 20 times a second on average, the server's rate limit. */
        val THINK_MILLIS = 50..60_000

        /** Stadium 5,000; every other scenario (race included) 1,000. */
        fun defaultPlayers(scenario: Scenario) = if (scenario == Scenario.STADIUM) 5000 else 1000

        fun defaultSeconds(scenario: Scenario) = if (scenario == Scenario.STADIUM) 10 else 5
    }
}
