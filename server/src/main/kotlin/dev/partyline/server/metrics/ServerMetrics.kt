package dev.partyline.server.metrics

import io.micrometer.core.instrument.Counter
import io.micrometer.core.instrument.Gauge
import io.micrometer.core.instrument.MultiGauge
import io.micrometer.core.instrument.Tags
import io.micrometer.core.instrument.Timer
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics
import io.micrometer.core.instrument.binder.system.ProcessorMetrics
import io.micrometer.prometheusmetrics.PrometheusConfig
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry
import java.time.Duration
import java.util.concurrent.atomic.AtomicInteger

/**
 * The server's meters, scraped as Prometheus text at `/metrics`. Transports and rooms count into
 * it; room figures that only the registry actor knows are [refresh]ed just before each scrape.
 */
class ServerMetrics {
    val registry = PrometheusMeterRegistry(PrometheusConfig.DEFAULT)

    private val connections = TRANSPORTS.associateWith { transport ->
        AtomicInteger().also { Gauge.builder("partyline.connections", it) { n -> n.get().toDouble() }.tag("transport", transport).description("open client connections").register(registry) }
    }
    private val messagesIn = Counter.builder("partyline.messages.in").description("lines and frames received from clients").register(registry)
    private val messagesOut = Counter.builder("partyline.messages.out").description("messages written to clients").register(registry)
    private val outboxDrops = Counter.builder("partyline.outbox.drops").description("clients dropped because their outbox was full").register(registry)
    private val connectionsRefused = Counter.builder("partyline.connections.refused").description("new connections turned away: too many from one address").register(registry)
    private val rateLimited = Counter.builder("partyline.rate.limited").description("client messages refused by the rate limit").register(registry)
    private val eventLatency = Timer.builder("partyline.event.latency")
        .description("from a client message's arrival until its room has handled it and queued the events")
        .serviceLevelObjectives(*SLO_MILLIS.map(Duration::ofMillis).toTypedArray())
        .register(registry)
    private val timerLateness = Timer.builder("partyline.timer.lateness")
        .description("how late rooms handled their game timers (question deadlines, reveal pauses, answer progress): handled − due")
        .serviceLevelObjectives(*TIMER_SLO_MILLIS.map(Duration::ofMillis).toTypedArray())
        .register(registry)
    private val rooms = MultiGauge.builder("partyline.rooms").description("rooms by game and state").register(registry)
    private val mailbox = MultiGauge.builder("partyline.mailbox.depth").description("commands waiting in room mailboxes").register(registry)

    /** Adds the JVM's and the process's own meters (memory, GC, threads, CPU); once per process. */
    fun bindProcess(): ServerMetrics = apply {
        JvmMemoryMetrics().bindTo(registry)
        JvmGcMetrics().bindTo(registry)
        JvmThreadMetrics().bindTo(registry)
        ProcessorMetrics().bindTo(registry)
        ProcessFigures.bindTo(registry)
    }

    /** A connection of [transport] (`tcp` or `ws`) opened; call [closed] when it ends. */
    fun opened(transport: String) = connections.getValue(transport).incrementAndGet()

    fun closed(transport: String) = connections.getValue(transport).decrementAndGet()

    /** Client connections open now, over every transport. */
    fun openConnections(): Int = connections.values.sumOf { it.get() }

    fun received() = messagesIn.increment()

    fun sent(count: Int) = messagesOut.increment(count.toDouble())

    fun droppedSlow() = outboxDrops.increment()

    fun rateLimitHit() = rateLimited.increment()

    fun connectionRefused() = connectionsRefused.increment()

    fun handled(latencyMillis: Long) = eventLatency.record(Duration.ofMillis(latencyMillis.coerceAtLeast(0)))

    /** A room handled a game timer [lateMillis] after it was due. */
    fun timerRan(lateMillis: Long) = timerLateness.record(Duration.ofMillis(lateMillis.coerceAtLeast(0)))

    /** Replaces the room figures with [census], read from the registry just before a scrape. */
    fun refresh(census: RoomCensus) {
        rooms.register(census.rooms.map { (key, count) -> MultiGauge.Row.of(Tags.of("game", key.first, "state", key.second), count) }, true)
        mailbox.register(listOf(MultiGauge.Row.of(Tags.of("stat", "total"), census.queued), MultiGauge.Row.of(Tags.of("stat", "max"), census.deepest)), true)
    }

    /** The Prometheus text exposition of every meter. */
    fun scrape(): String = registry.scrape()

    private companion object {
        val TRANSPORTS = listOf("tcp", "ws")
        val SLO_MILLIS = listOf(1L, 5L, 10L, 50L, 100L, 250L, 1000L)
        val TIMER_SLO_MILLIS = listOf(1L, 2L, 5L, 10L, 20L, 50L, 100L, 250L, 1000L)
    }
}

/** Rooms counted by (game, state), and commands waiting in their mailboxes: total and deepest. */
data class RoomCensus(val rooms: Map<Pair<String, String>, Int>, val queued: Int, val deepest: Int)
