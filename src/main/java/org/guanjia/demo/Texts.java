package org.guanjia.demo;

import java.util.Map;

/** Chinese texts of the demo records, by topic. */
final class Texts {

    private Texts() {
    }

    static final Map<String, String> DEPARTMENT_NAMES = Map.of("customer_service", "客服部",
            "security", "安防部", "engineering", "工程维修部", "cleaning", "保洁中心", "greening", "绿化中心",
            "call_center", "电话中心", "service_hall", "服务大厅", "finance", "财务部", "management", "管理处",
            "other", "增值服务中心");

    static final Map<String, String[]> COMPLAINTS = Map.ofEntries(
            Map.entry("security", new String[] {"小区门岗对外来人员不登记就放行", "地下车库有陌生人徘徊, 担心安全",
                "电动车在楼道充电, 存在消防隐患", "晚上巡逻保安太少, 单元门经常开着"}),
            Map.entry("cleaning", new String[] {"楼道垃圾两天没有清理, 有异味", "电梯轿厢地面很脏, 无人清洁",
                "垃圾分类点满溢, 清运不及时", "大堂地面湿滑, 没有放警示牌"}),
            Map.entry("greening", new String[] {"绿化带杂草太高, 蚊虫很多", "树枝挡住窗户, 请修剪",
                "草坪浇水时喷到行人和车辆", "绿化打药没有提前通知, 气味很大"}),
            Map.entry("engineering", new String[] {"电梯频繁故障停运", "公共区域照明灯坏了一周没修",
                "水压不足, 高层用水困难", "地下室渗水严重", "供暖管道有噪音且不热", "单元门禁失灵"}),
            Map.entry("noise", new String[] {"楼上晚上十点后还有很大噪音", "广场舞音乐声音太大",
                "装修电钻声中午和周末不停", "空调外机噪音扰民", "夜间施工噪音影响休息"}),
            Map.entry("parking", new String[] {"车位被外来车辆占用", "消防通道有车辆乱停",
                "地库出入口道闸反应慢, 排队严重", "访客车辆停车收费不合理"}),
            Map.entry("decoration", new String[] {"邻居装修垃圾堆放在楼道", "装修改动承重墙, 请物业制止",
                "装修工人在电梯内吸烟", "装修时间不按规定"}),
            Map.entry("fees", new String[] {"物业费调价没有充分公示", "对账单金额与面积不符",
                "已缴费但系统显示欠费", "停车费收费标准有疑问"}),
            Map.entry("staff", new String[] {"前台工作人员态度冷淡", "维修人员上门迟到且未提前联系",
                "保安说话不礼貌"}),
            Map.entry("neighbour", new String[] {"邻居在公共走廊堆放杂物", "楼上阳台漏水到我家", "邻居家的狗夜里一直叫"}),
            Map.entry("other", new String[] {"希望增加快递柜", "小区内指示牌不清楚", "建议增加儿童游乐设施"}));

    static final Map<String, String> COMPLAINT_DEPARTMENTS = Map.ofEntries(Map.entry("security", "security"),
            Map.entry("cleaning", "cleaning"), Map.entry("greening", "greening"),
            Map.entry("engineering", "engineering"), Map.entry("noise", "security"),
            Map.entry("parking", "security"), Map.entry("decoration", "engineering"),
            Map.entry("fees", "finance"), Map.entry("staff", "management"),
            Map.entry("neighbour", "customer_service"), Map.entry("other", "customer_service"));

    static final String[] COMPLAINT_PLANS = {"已通知责任部门主管, 今日内安排人员处理", "管家到现场核实后协调相关部门处理",
        "电话安抚业主, 约定明日上门处理", "与相关业主沟通协调, 跟进处理结果"};

    static final String[] COMPLAINT_REPLIES = {"问题已处理完毕, 已回复业主并取得谅解", "已按方案整改, 业主表示满意",
        "已向业主解释原因并说明后续措施", "处理完成, 请业主在投诉记录表上签字确认"};

    static final String[] CORRECTIVE_ACTIONS = {"对责任人员进行批评教育并组织培训", "加强该区域巡查频次",
        "修订相关作业规程, 纳入周例会检查", "增加人员配置, 落实责任到人"};

    static final String[] REPAIRS_UNIT = {"plumbing:厨房水龙头漏水", "plumbing:卫生间下水道堵塞", "electrical:插座跳闸",
        "electrical:客厅灯不亮", "door_window:入户门锁芯损坏", "door_window:窗户关不严漏风", "waterproofing:卫生间墙面渗水",
        "waterproofing:阳台顶部渗水", "wall_floor:墙面开裂", "wall_floor:地砖空鼓", "appliance:热水器不出热水",
        "drainage:地漏返味"};

    static final String[] REPAIRS_COMMON = {"elevator:电梯按键失灵", "elevator:电梯运行有异响", "lighting:楼道声控灯不亮",
        "lighting:地库照明损坏", "drainage:雨水管堵塞", "door_window:单元门闭门器损坏", "waterproofing:天台防水层破损",
        "plumbing:消防栓漏水", "electrical:配电箱故障"};

    static final String[] RETURN_VISIT_COMMENTS = {"维修及时, 态度很好", "维修质量不错, 工具摆放整齐", "师傅迟到了半小时",
        "修好了, 但地面没清理干净", "很满意, 感谢物业", "问题反复出现, 希望彻底解决"};

    static final String[] RECTIFICATIONS = {"客厅墙面有裂缝", "卫生间地面找坡不对, 积水", "入户门变形关闭困难",
        "窗框密封条脱落", "阳台栏杆松动", "厨房排烟道不通畅", "地暖管道试压不合格", "外墙渗水至卧室"};

    static final String[] RECTIFICATION_NOTES = {"已将问题提交工程部, 等待开发商维修单位确认", "维修单位已上门查看, 约定施工时间",
        "整改施工中, 管家现场跟进", "整改完成, 管家回访业主, 业主确认"};

    static final Map<String, String[]> PATROL_FINDINGS = Map.ofEntries(
            Map.entry("staff_on_duty", new String[] {"3号岗保安离岗未报备"}),
            Map.entry("staff_appearance", new String[] {"保洁员未按规定穿工服"}),
            Map.entry("staff_attitude", new String[] {"门岗对业主询问回答敷衍"}),
            Map.entry("security_hazards", new String[] {"消防通道堆放杂物", "楼道内电动车充电", "消防栓箱门损坏"}),
            Map.entry("visitor_log", new String[] {"访客登记表缺夜间记录"}),
            Map.entry("vehicle_log", new String[] {"外来车辆登记不全"}),
            Map.entry("goods_log", new String[] {"大件物品出门未登记"}),
            Map.entry("cleanliness", new String[] {"地库入口积水有垃圾", "垃圾桶周边有污渍未清洗", "楼梯间有烟头"}),
            Map.entry("greening", new String[] {"中心花园草坪枯黄", "灌木需要修剪", "行道树有枯枝存在坠落风险"}),
            Map.entry("engineering", new String[] {"地库照明损坏多处", "水泵房有异响", "单元门禁损坏"}),
            Map.entry("renovation", new String[] {"装修户未张贴装修许可证", "装修垃圾未按指定地点堆放"}),
            Map.entry("public_facilities", new String[] {"儿童滑梯螺丝松动", "健身器材油漆脱落生锈", "休闲座椅损坏"}));

    static final Map<String, String> PATROL_DEPARTMENTS = Map.ofEntries(
            Map.entry("staff_on_duty", "security"), Map.entry("staff_appearance", "cleaning"),
            Map.entry("staff_attitude", "management"), Map.entry("security_hazards", "security"),
            Map.entry("visitor_log", "security"), Map.entry("vehicle_log", "security"),
            Map.entry("goods_log", "security"), Map.entry("cleanliness", "cleaning"),
            Map.entry("greening", "greening"), Map.entry("engineering", "engineering"),
            Map.entry("renovation", "engineering"), Map.entry("public_facilities", "engineering"));

    static final Map<String, String[]> BRIEFING_ITEMS = Map.of(
            "security", new String[] {"昨夜有外来人员尾随进入单元, 已劝离", "凌晨地库发现一辆车未熄火, 已联系车主",
                "夜间巡逻发现天台门未锁"},
            "maintenance", new String[] {"昨晚8栋电梯困人, 已于15分钟内解救", "夜间2栋停电, 已抢修恢复",
                "水泵房报警, 维修工已检查"},
            "cleaning_greening", new String[] {"昨夜大风, 中心花园有断枝需清理", "垃圾清运车今晨未按时到",
                "地库入口积水需清扫"},
            "call_center", new String[] {"昨晚接到业主噪音投诉2起", "业主来电咨询停水时间", "业主报修厨房漏水, 已派单"},
            "service_hall", new String[] {"有业主来访咨询物业费调价", "快递柜故障, 业主投诉取件困难",
                "业主办理装修申请, 需管家审核"});

    static final String[] VISIT_TOPICS = {"入住情况及生活需求了解", "物业服务满意度调查", "了解业主对小区绿化的意见",
        "装修进度及注意事项沟通", "节日问候", "物业费缴纳提醒及代扣办理介绍", "社区活动邀请", "了解维修后的使用情况"};

    static final String[] VISIT_REQUESTS = {"希望小区增加电动车充电桩", "询问停车位租赁办法", "反映楼道灯不亮",
        "要求修剪窗前树木", "咨询装修审批流程", "询问物业费发票开具", "反映邻居噪音问题"};

    static final String[] VISIT_PLAN_CANCELLED = {"业主出差, 改期再约", "业主临时有事取消", "业主家中有客, 另约时间"};
    static final String[] VISIT_ANSWERS = {"已当场解答并提供办理指引", "已告知办理流程和所需材料", "已解释相关规定, 业主表示理解"};

    static final String[] STRONG_OPINION_NOTES = {"业主对近期服务意见较大, 管家上门沟通并记录意见, 已反馈公司领导",
        "业主认为物业费偏高, 已解释收费标准及服务内容"};

    static final String[] FOLLOW_UP_RESOLUTIONS = {"已安排人员处理完毕", "已维修恢复正常", "已清理完毕并加强巡查",
        "已与相关方协调解决", "已更换损坏部件"};

    static final String[] FOLLOW_UP_NOTES = {"已派单至责任部门", "责任部门已到现场查看", "需采购配件, 预计两天内完成",
        "管家现场跟进处理进度", "处理完毕, 已回复业主"};

    static final String[] COLLECTION_NOTES = {"电话联系业主, 确认已收到对账单", "业主表示近期会缴费", "业主未接电话, 已发短信提醒",
        "业主表示出差, 回来后缴纳", "上门沟通, 了解欠费原因"};

    static final Map<String, String> SERVICE_ISSUES = Map.of(
            "engineering", "业主因家中渗水问题未解决拒缴物业费",
            "cleaning", "业主因楼道卫生长期不达标拒缴物业费",
            "security", "业主因车位被占问题未解决拒缴物业费",
            "greening", "业主因窗前树木遮挡采光问题拒缴物业费");

    static final String[] DEBIT_FAILURES = {"余额不足", "余额不足", "余额不足", "账户已冻结", "卡号有误", "账户已销户"};

    static final String[] NOTICE_TITLES = {"关于小区消防安全检查的通知", "关于开展垃圾分类宣传的通知", "温馨提示: 雨季防汛",
        "关于电梯年度检测的通知", "关于小区绿化打药的通知", "关于加强装修管理的通知", "节日温馨提示",
        "关于高空抛物的安全提醒", "关于清理楼道杂物的通知", "关于地库清洗的通知"};

    static final String[] DOCUMENT_OUTAGES = {"water_outage:停水通知", "power_outage:停电通知", "gas_outage:停气通知"};

    static final String[] ACTIVITIES = {"新春联欢会", "元宵猜灯谜", "植树节亲子活动", "端午包粽子", "六一儿童嘉年华", "夏日露天电影",
        "中秋游园会", "重阳敬老活动", "社区义诊", "垃圾分类知识讲座", "消防演练", "业主篮球友谊赛"};

    static final String[] ACTIVITY_FEEDBACK = {"活动组织得很好, 孩子很开心", "希望以后多举办类似活动", "场地有点小",
        "时间安排在周末更好", "工作人员很热情"};

    static final String[] ACTIVITY_SUGGESTIONS = {"建议增加亲子类活动", "建议提前一周通知", "建议活动时间改在晚上",
        "希望有老年人专场"};

    static final String[] REVIEW_COMMENTS = {"同意。", "同意, 注意空置房巡检覆盖率。", "同意, 欠费催收需加强跟进。",
        "请补充投诉处理情况后重新提交。", "内容过于简单, 请补充具体数据。"};
}
