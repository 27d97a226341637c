package dev.partyline.server.reliability

import java.lang.management.ManagementFactory

/** The heap in use after a few full collections, in bytes: what this JVM really holds on to. */
fun heapAfterGc(): Long {
    val memory = ManagementFactory.getMemoryMXBean()
    repeat(3) { System.gc() }
    return memory.heapMemoryUsage.used
}

const val MIB = 1024.0 * 1024.0
