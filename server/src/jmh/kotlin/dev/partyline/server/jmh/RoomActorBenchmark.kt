package dev.partyline.server.jmh

import org.openjdk.jmh.annotations.Benchmark
import org.openjdk.jmh.annotations.BenchmarkMode
import org.openjdk.jmh.annotations.Fork
import org.openjdk.jmh.annotations.Level
import org.openjdk.jmh.annotations.Measurement
import org.openjdk.jmh.annotations.Mode
import org.openjdk.jmh.annotations.OperationsPerInvocation
import org.openjdk.jmh.annotations.OutputTimeUnit
import org.openjdk.jmh.annotations.Param
import org.openjdk.jmh.annotations.Scope
import org.openjdk.jmh.annotations.Setup
import org.openjdk.jmh.annotations.State
import org.openjdk.jmh.annotations.TearDown
import org.openjdk.jmh.annotations.Warmup
import java.util.concurrent.TimeUnit

/**
 * Commands applied per second by [ROOMS] room actors with [PRODUCERS] producers each, every
 * producer sending [PER_PRODUCER] commands of one [CommandMix] through `RoomActor.submit`.
 * One invocation is one fresh fleet draining [COMMANDS] commands; opening and checking it are
 * not timed. The score is commands per second; `cpuNanos` and `allocatedBytes`
 * (see [RunCost]) are what each second of it cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 2, jvmArgsAppend = ["-Xms2g", "-Xmx2g"])
open class RoomActorBenchmark {
    @Param
    @JvmField
    var mix: CommandMix = CommandMix.CHAT

    private lateinit var fleet: RoomFleet

    @Setup(Level.Invocation)
    fun open() {
        fleet = RoomFleet(mix, ROOMS, PRODUCERS, PER_PRODUCER).also { it.open() }
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    fun commands(cost: RunCost) = metered(cost) { fleet.run() }

    @TearDown(Level.Invocation)
    fun close() {
        try {
            fleet.verify()
        } finally {
            fleet.close()
        }
    }

    companion object {
        const val ROOMS = 1_000
        const val PRODUCERS = 10
        const val PER_PRODUCER = 100
        const val COMMANDS = ROOMS * PRODUCERS * PER_PRODUCER
    }
}
