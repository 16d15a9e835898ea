package io.imsconnect.server.api;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class VersionApiController {

    static final String API_VERSION = "v1";

    private final String serverVersion;

    VersionApiController(ObjectProvider<BuildProperties> build) {
        this.serverVersion = Optional.ofNullable(build.getIfAvailable()).map(BuildProperties::getVersion)
                .or(() -> Optional.ofNullable(VersionApiController.class.getPackage().getImplementationVersion()))
                .orElse("development");
    }

    record Version(String server, String api) {
    }

    @GetMapping("/api/v1/version")
    Version version() {
        return new Version(serverVersion, API_VERSION);
    }
}
