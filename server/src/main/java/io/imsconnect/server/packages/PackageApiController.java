package io.imsconnect.server.packages;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/packages")
class PackageApiController {

    private final PackageService packages;

    PackageApiController(PackageService packages) {
        this.packages = packages;
    }

    @GetMapping
    List<PackageView> list() {
        return packages.list();
    }

    @PostMapping("/{name}/install")
    PackageView install(@PathVariable String name) {
        return packages.install(name);
    }
}
