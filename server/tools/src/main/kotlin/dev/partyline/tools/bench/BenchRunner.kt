package dev.partyline.tools.bench

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.coroutineScope
import java.io.File

/** Runs one scenario, prints its table, writes its JSON to `--out`, and returns the report. */
class BenchRunner(private val settings: BenchSettings, private val print: (String) -> Unit = ::println) {
    suspend fun run(): BenchReport {
        val run = BenchRun(settings)
        val probe = LagProbe()
        try {
            coroutineScope {
                val probing = probe.start(this)
                scenario(run)
                probing.cancel()
            }
            run.latency("load-client lag", probe.lag)
            run.figure("flood events counted, not parsed", run.network.noise.sum(), "count")
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            run.failures.add("run aborted: ${e.message ?: e::class.simpleName}")
        } finally {
            run.network.close()
        }
        val report = run.report()
        print(ReportFormat.table(report))
        File(settings.out).apply { absoluteFile.parentFile?.mkdirs() }.writeText(ReportFormat.json(report))
        print("wrote ${settings.out}")
        return report
    }

    private suspend fun scenario(run: BenchRun) {
        when (settings.scenario) {
            Scenario.IDLE -> IdleScenario(run).execute()
            Scenario.FANOUT -> FanoutScenario(run).execute()
            Scenario.CLASSROOM -> ClassroomScenario(run).execute()
            Scenario.STADIUM -> StadiumScenario(run).execute()
            Scenario.RACE -> RaceScenario(run).execute()
        }
    }
}
