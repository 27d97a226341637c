package dev.partyline.server

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.context
import com.github.ajalt.clikt.output.MordantHelpFormatter

/** How every Partyline program reads its command line: each flag also from `PARTYLINE_[<PROGRAM>_]<FLAG>`, and help shows defaults. */
fun CliktCommand.partylineCommandLine() = context {
    autoEnvvarPrefix = "PARTYLINE"
    helpFormatter = { MordantHelpFormatter(it, showDefaultValues = true) }
}
