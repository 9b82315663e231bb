"""Speech for the voice channel: recognition (faster-whisper), synthesis (espeak-ng), telephone audio.

Pure speech, no database: the service layer turns what is heard into customer messages.
"""

from tawasol.voice.models import INSTALL_HINT, SpeechModel, VoiceUnavailable, locate

__all__ = ["INSTALL_HINT", "SpeechModel", "VoiceUnavailable", "locate"]
