package cn.fupin.ledger.ops.consistency;

import java.util.Set;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelGroupsTest {

    @Test
    void aReadConsistentWithAWriteWaitsForEveryReadModelOfTheQuerySideAndNoOther() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        Set<String> groups = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("cn.fupin.ledger.query")) {
            groups.add(Class.forName(candidate.getBeanClassName()).getAnnotation(ProcessingGroup.class).value());
        }

        assertThat(groups).hasSizeGreaterThan(10);
        assertThat(new TreeSet<>(ReadModelGroups.API)).isEqualTo(groups);
    }
}
