package cn.fupin.ledger.ops.privacy;

import cn.fupin.ledger.command.privacy.PersonalDataCipher;
import cn.fupin.ledger.query.audit.PersonalDataReader;
import org.springframework.stereotype.Component;

/** The auditors' views' access to personal data, through the ledger's one personal-data key. */
@Component
class CipherPersonalDataReader implements PersonalDataReader {

    private final PersonalDataCipher cipher;

    CipherPersonalDataReader(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String reveal(String ciphertext, String cardNo, String field) {
        return cipher.decrypt(ciphertext, cardNo, field);
    }

    @Override
    public String fingerprint(String kind, String plain) {
        return cipher.fingerprint(kind, plain);
    }
}
