import type { Config } from '../../config.ts';
import type { ChatModel } from '../model.ts';
import { AnthropicChatModel } from './anthropic.ts';
import { OfflineChatModel } from './offline.ts';
import { OpenAICompatibleChatModel } from './openai-compatible.ts';

type ModelConfig = Pick<
  Config,
  | 'ANTHROPIC_API_KEY'
  | 'ANTHROPIC_MODEL'
  | 'ANTHROPIC_BASE_URL'
  | 'OPENAI_COMPATIBLE_BASE_URL'
  | 'OPENAI_COMPATIBLE_API_KEY'
  | 'OPENAI_COMPATIBLE_MODEL'
  | 'CHAT_MODEL_MAX_RETRIES'
>;

/**
 * The chat's model for this deployment (docs/chat.md, "Model providers"): Anthropic Claude with an
 * ANTHROPIC_API_KEY, else an OpenAI-compatible server with an OPENAI_COMPATIBLE_BASE_URL, else the offline
 * assistant, so a BFF without any key still has a working chat.
 */
export function chatModelFromConfig(config: ModelConfig): ChatModel {
  if (config.ANTHROPIC_API_KEY) {
    return new AnthropicChatModel({
      apiKey: config.ANTHROPIC_API_KEY,
      model: config.ANTHROPIC_MODEL,
      baseURL: config.ANTHROPIC_BASE_URL,
      maxRetries: config.CHAT_MODEL_MAX_RETRIES,
    });
  }
  if (config.OPENAI_COMPATIBLE_BASE_URL && config.OPENAI_COMPATIBLE_MODEL) {
    return new OpenAICompatibleChatModel({
      baseURL: config.OPENAI_COMPATIBLE_BASE_URL,
      model: config.OPENAI_COMPATIBLE_MODEL,
      apiKey: config.OPENAI_COMPATIBLE_API_KEY,
      maxRetries: config.CHAT_MODEL_MAX_RETRIES,
    });
  }
  return new OfflineChatModel();
}
