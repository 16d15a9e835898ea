package io.imsconnect.server.packages;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.imsconnect.server.audit.AuditService;
import io.imsconnect.server.errors.NotFoundException;

/** The packages the instance knows, which are installed, and installing them (idempotent). */
@Service
public class PackageService {

    private final Map<String, InstallablePackage> known;
    private final PackageRepository installed;
    private final AuditService audit;
    private final Clock clock;

    PackageService(List<InstallablePackage> packages, PackageRepository installed, AuditService audit, Clock clock) {
        this.known = packages.stream().collect(Collectors.toMap(InstallablePackage::name, Function.identity()));
        this.installed = installed;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PackageView> list() {
        Map<String, PackageView> done = installed.installed();
        return known.values().stream().sorted(Comparator.comparing(InstallablePackage::name))
                .map(p -> done.getOrDefault(p.name(), new PackageView(p.name(), p.label(), p.version(), false,
                        null, null)))
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean isInstalled(String name) {
        return installed.isInstalled(name);
    }

    /** The package's label, e.g. "Integration with the Adobe Experience Cloud"; its name when unknown. */
    public String label(String name) {
        InstallablePackage known = this.known.get(name);
        return known == null ? name : known.label();
    }

    /** Installs the package unless it already is; returns its state either way. */
    @Transactional
    public PackageView install(String name) {
        InstallablePackage target = known.get(name);
        if (target == null) {
            throw new NotFoundException("package", name);
        }
        if (!installed.isInstalled(name)) {
            target.install();
            installed.insert(target, clock.instant(), AuditService.currentActor());
            audit.record("package.installed", "package", name, null,
                    Map.of("name", name, "version", target.version()));
        }
        return list().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
