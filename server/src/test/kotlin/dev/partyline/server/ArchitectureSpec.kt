package dev.partyline.server

import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses
import com.tngtech.archunit.library.Architectures.layeredArchitecture
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices
import io.kotest.core.spec.style.FunSpec

/**
 * The package graph points one way — `game` ← `room` ← `session` ← `transport`/`http`, with
 * `store` beside `room` and `results` (reports from the store) under `http`, `base` (config, clock, outbox) and `metrics` beneath them all and only
 * `Main`'s wiring above —
 * and an import against it fails the build. Read from the compiled classes of the server, of
 * `shared` and of the client library, tests left out.
 */
class ArchitectureSpec : FunSpec({
    val classes: JavaClasses = ClassFileImporter()
        .withImportOption(ImportOption.DoNotIncludeTests())
        .importPackages("dev.partyline")

    test("the server's layers are used only from above") {
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("wiring").definedBy("dev.partyline.server")
            .layer("base").definedBy("dev.partyline.server.base..", "dev.partyline.server.metrics..")
            .layer("room").definedBy("dev.partyline.server.room..")
            .layer("store").definedBy("dev.partyline.server.store..")
            .layer("results").definedBy("dev.partyline.server.results..")
            .layer("session").definedBy("dev.partyline.server.session..")
            .layer("edge").definedBy("dev.partyline.server.transport..", "dev.partyline.server.http..")
            .layer("bots").definedBy("dev.partyline.server.bot..")
            .whereLayer("wiring").mayNotBeAccessedByAnyLayer()
            .whereLayer("bots").mayOnlyBeAccessedByLayers("wiring")
            .whereLayer("edge").mayOnlyBeAccessedByLayers("wiring")
            .whereLayer("session").mayOnlyBeAccessedByLayers("edge", "wiring")
            .whereLayer("room").mayOnlyBeAccessedByLayers("session", "edge", "bots", "wiring")
            .whereLayer("store").mayOnlyBeAccessedByLayers("room", "session", "results", "edge", "wiring")
            .whereLayer("results").mayOnlyBeAccessedByLayers("edge", "wiring")
            .check(classes)
    }

    test("base and metrics depend on no other package of the server") {
        noClasses().that().resideInAnyPackage("dev.partyline.server.base..", "dev.partyline.server.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage(
                "dev.partyline.server", "dev.partyline.server.room..", "dev.partyline.server.session..",
                "dev.partyline.server.transport..", "dev.partyline.server.http..", "dev.partyline.server.bot..",
                "dev.partyline.server.store..", "dev.partyline.server.results..",
            )
            .check(classes)
    }

    test("in shared, the protocol knows nothing of the games, and nothing knows the server") {
        noClasses().that().resideInAPackage("dev.partyline.shared.protocol..")
            .should().dependOnClassesThat().resideInAPackage("dev.partyline.shared.game..")
            .check(classes)
        noClasses().that().resideInAPackage("dev.partyline.shared..")
            .should().dependOnClassesThat().resideInAPackage("dev.partyline.server..")
            .check(classes)
    }

    test("the server runs without the client library: only its tests and the tools connect as clients") {
        noClasses().that().resideInAPackage("dev.partyline.server..")
            .should().dependOnClassesThat().resideInAPackage("dev.partyline.client..")
            .check(classes)
    }

    test("no two packages import each other, directly or round a cycle") {
        slices().matching("dev.partyline.(*)..").should().beFreeOfCycles().check(classes)
        slices().matching("dev.partyline.server.(*)..").should().beFreeOfCycles().check(classes)
        slices().matching("dev.partyline.shared.(*)..").should().beFreeOfCycles().check(classes)
    }
})
