package dev.partyline.server.examples

import java.io.File

/** The first fenced ```[language] block after the line [heading] of docs/[page], as the reader sees it. */
fun docsListing(page: String, heading: String, language: String): String = listing("docs/$page", heading, language)

/** The first fenced ```[language] block after the line [heading] of [path] (from the repository's top), as the reader sees it. */
fun listing(path: String, heading: String, language: String): String {
    val text = File("../$path").readText()
    val start = text.indexOf("\n$heading\n")
    check(start >= 0) { "$path has no heading \"$heading\"" }
    val block = Regex("\n```$language\n(.*?)```", RegexOption.DOT_MATCHES_ALL).find(text, start)
    checkNotNull(block) { "$path has no ```$language block after \"$heading\"" }
    return block.groupValues[1]
}

/** The source of a test file of this package, by its name. */
fun exampleSource(fileName: String): String = File("src/test/kotlin/dev/partyline/server/examples/$fileName").readText()

/**
 * The lines of [path] (from the repository's top) between `// region docs:[name]` and the next
 * `// endregion`, without their common indentation: code a page shows as it really is.
 */
fun sourceRegion(path: String, name: String): String {
    val lines = File("../$path").readLines()
    val start = lines.indexOfFirst { it.trim() == "// region docs:$name" }
    check(start >= 0) { "$path has no region docs:$name" }
    check(lines.count { it.trim() == "// region docs:$name" } == 1) { "$path has region docs:$name twice" }
    val end = (start + 1 until lines.size).firstOrNull { lines[it].trim() == "// endregion" }
    checkNotNull(end) { "$path: region docs:$name has no // endregion" }
    val body = lines.subList(start + 1, end)
    val indent = body.filter { it.isNotBlank() }.minOf { line -> line.takeWhile { it == ' ' }.length }
    return body.joinToString("\n", postfix = "\n") { it.drop(indent) }
}
