package dev.partyline.tools

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.core.main
import com.github.ajalt.clikt.core.subcommands
import dev.partyline.server.capIoThreads
import dev.partyline.server.partylineCommandLine
import dev.partyline.tools.bench.BenchCommand
import dev.partyline.tools.bench.BenchRunner
import dev.partyline.tools.bot.BotCommand
import dev.partyline.tools.bot.BotSwarm
import dev.partyline.tools.bot.PrintingBotListener
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlin.system.exitProcess

/** `partyline-tools`: the programs that run against a Partyline server, not in it. */
class ToolsCommand : CliktCommand(name = "partyline-tools") {
    init {
        partylineCommandLine()
    }

    override fun help(context: Context) = "Tools for a running Partyline server: `bot` joins bots to a room, `bench` load-tests it."

    override fun run() = Unit
}

/**
 * Parses the command line, then with `bot` runs bots until all their connections end, or with
 * `bench` runs one load scenario against a server and exits non-zero if the run failed.
 */
suspend fun main(args: Array<String>) {
    capIoThreads()
    val bots = BotCommand()
    val bench = BenchCommand()
    ToolsCommand().subcommands(bots, bench).main(args)
    bench.settings?.let { exitProcess(if (BenchRunner(it).run().ok) 0 else 1) }
    bots.settings?.let { settings ->
        coroutineScope {
            val listener = PrintingBotListener(settings.count)
            val printing = launch { listener.print() }
            BotSwarm(settings, listener).run()
            listener.close()
            printing.join()
        }
    }
}
