package io.github.cdkcloudpatterns.apps;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the app finds the handlers the library prebundles (assets/lambda/&lt;name&gt;). The TypeScript
 * reference app reaches them through the library's private handlerAssetPath(); the library exports
 * no public way to get a shipped handler's code, so a Java user cannot reach the copy inside the
 * jar. Until it does, the app uses the same bundle from the checkout (the app runs in test/apps/java).
 */
final class Handlers {
    static String assetPath(String name) {
        Path dir = Path.of("..", "..", "..", "assets", "lambda", name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("index.js"))) {
            throw new IllegalStateException("prebundled handler '" + name + "' missing at " + dir + ": run npx projen bundle:lambda");
        }
        return dir.toString();
    }

    private Handlers() {
    }
}
