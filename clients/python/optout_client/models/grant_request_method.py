from enum import StrEnum

class GrantRequestMethod(StrEnum):
    CRM = "crm"
    EMAIL_REPLY = "email_reply"
    IVR = "ivr"
    KEYWORD = "keyword"
    PAPER = "paper"
    SMS_REPLY = "sms_reply"
    VERBAL_RECORDED = "verbal_recorded"
    WEB_FORM = "web_form"

    def __str__(self) -> str:
        return str(self.value)
