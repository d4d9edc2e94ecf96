package cn.fupin.ledger.shared.workarea;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkAreasTest {

    private final WorkAreas areas = WorkAreas.standard();

    @Test
    void holdsTheThirteenCodesOfTheContractInThePlansOrder() {
        assertThat(areas.codes()).containsExactly("ROADS", "WATER", "ENERGY", "HOUSING", "INDUSTRY", "EDUCATION",
                "HEALTH", "CULTURE", "INFORMATION", "CAPABILITY", "SOCIAL_SECURITY", "ECOLOGY", "FINANCE");
    }

    @Test
    void namesTheLeadDepartmentsAsTheSeedDoes() {
        assertThat(areas.find("ROADS").orElseThrow().leadDepartments()).containsExactly("县交通运输局");
        assertThat(areas.find("HEALTH").orElseThrow().leadDepartments()).containsExactly("县卫生局", "县人口和计划生育局");
        assertThat(areas.find("FINANCE").orElseThrow().leadDepartments()).containsExactly("县金融办", "人行苍溪支行");
    }

    @Test
    void infrastructureAndPublicServicesTargetVillagesWhileIndustryHousingTrainingAndFinanceTargetHouseholds() {
        assertThat(areas.all()).filteredOn(a -> a.targets() == Beneficiary.VILLAGE).extracting(WorkArea::code)
                .containsExactly("ROADS", "WATER", "ENERGY", "EDUCATION", "HEALTH", "CULTURE", "INFORMATION", "ECOLOGY");
        assertThat(areas.all()).filteredOn(a -> a.targets() == Beneficiary.HOUSEHOLDS).extracting(WorkArea::code)
                .containsExactly("HOUSING", "INDUSTRY", "CAPABILITY", "SOCIAL_SECURITY", "FINANCE");
    }

    @Test
    void anUnknownCodeIsNotFound() {
        assertThat(areas.find("SPACE")).isEmpty();
        assertThat(areas.find(null)).isEmpty();
    }

    @Test
    void aFileListingACodeTwiceIsRefused() {
        String csv = "code,seedItem,name,leadDepartments,targets\nROADS,1,a,b,VILLAGE\nROADS,1,a,b,VILLAGE\n";
        assertThatThrownBy(() -> WorkAreas.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("twice");
    }
}
