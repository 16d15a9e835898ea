package io.imsconnect.server.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the instance's controllers map, read from Spring MVC itself, so a route added later is attacked
 * too without anyone remembering to list it. Path variables are filled with {@code 1}, which names nothing.
 */
record Routes(List<Route> all) {

    record Route(String method, String path) {

        boolean changesState() {
            return !Set.of("GET", "HEAD", "OPTIONS").contains(method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Routes of(RequestMappingHandlerMapping mappings) {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", "1");
                if (methods.isEmpty()) {
                    routes.add(new Route("GET", path));
                    routes.add(new Route("POST", path));
                } else {
                    methods.forEach(method -> routes.add(new Route(method.name(), path)));
                }
            }
        }
        return new Routes(List.copyOf(routes));
    }

    List<Route> under(String prefix) {
        return all.stream().filter(route -> route.path().startsWith(prefix)).toList();
    }
}
