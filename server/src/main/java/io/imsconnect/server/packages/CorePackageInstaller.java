package io.imsconnect.server.packages;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import io.imsconnect.server.errors.ConflictException;

/** Installs the core package at every start; installing is idempotent, so only the first start does work. */
@Component
@Order(1)
class CorePackageInstaller implements ApplicationRunner {

    private final PackageService packages;

    CorePackageInstaller(PackageService packages) {
        this.packages = packages;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            packages.install(CorePackage.NAME);
        } catch (DataIntegrityViolationException | ConflictException installedByAnotherNode) {
            // Nodes of a cluster starting together: one installs, the others find it done.
            if (!packages.isInstalled(CorePackage.NAME)) {
                throw installedByAnotherNode;
            }
        }
    }
}
