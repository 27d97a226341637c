package dev.partyline.server.reliability

import ch.qos.logback.classic.Level
import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.LoggerContext
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.classic.spi.ThrowableProxyUtil
import ch.qos.logback.core.read.ListAppender
import org.slf4j.LoggerFactory

/**
 * Every log event of the process, at every level, while it runs: a [ListAppender] on the root
 * logger, with the root and every logger that the configuration gives a level of its own (Netty's,
 * Ktor's) opened to TRACE, the lowest level, and the root's own appenders set aside so the console
 * stays quiet. [stop] puts the levels and appenders back.
 */
class LogCapture private constructor(private val context: LoggerContext) {
    private val appender = ListAppender<ILoggingEvent>().apply {
        this.context = this@LogCapture.context
        name = "log-capture"
        start()
    }
    private val levels: Map<Logger, Level> = context.loggerList.filter { it.level != null }.associateWith { it.level }
    private val root = context.getLogger(Logger.ROOT_LOGGER_NAME)
    private val setAside = root.iteratorForAppenders().asSequence().toList()

    init {
        setAside.forEach { root.detachAppender(it) }
        levels.keys.forEach { it.level = Level.TRACE }
        root.addAppender(appender)
    }

    /** The events captured so far. */
    val events: List<ILoggingEvent> get() = synchronized(appender) { appender.list.toList() }

    fun stop() {
        root.detachAppender(appender)
        appender.stop()
        levels.forEach { (logger, level) -> logger.level = level }
        setAside.forEach { root.addAppender(it) }
    }

    companion object {
        fun start() = LogCapture(LoggerFactory.getILoggerFactory() as LoggerContext)

        /** All the text an event carries: its message with the arguments filled in, its MDC, and its throwable with causes and stack. */
        fun textOf(event: ILoggingEvent): String = buildString {
            append(event.formattedMessage)
            event.mdcPropertyMap.forEach { (k, v) -> append(' ').append(k).append('=').append(v) }
            event.keyValuePairs?.forEach { append(' ').append(it.key).append('=').append(it.value) }
            event.throwableProxy?.let { append('\n').append(ThrowableProxyUtil.asString(it)) }
        }
    }
}
